a = []
for _ in range(300000):
    a = [a]
print(len(a))
del a
