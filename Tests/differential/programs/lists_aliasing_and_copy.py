a = [[0] * 2] * 2
a[0][0] = 1
print(a)
b = [[0] * 2 for _ in range(2)]
b[0][0] = 1
print(b)
c = a[:]
c.append(9)
print(len(a), len(c), c[0] is a[0])
