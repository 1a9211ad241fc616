a = [10, 20, 30]
print(a[-1], a[-3], "xyz"[-2])
a[-1] = 99
print(a)
a[-4]
