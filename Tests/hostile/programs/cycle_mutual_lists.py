a = [1]
b = [a]
a.append(b)
print(a, b, a == b)
