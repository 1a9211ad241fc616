(a, *b), c = [1, 2, 3], 4
print(a, b, c)
for x, (y, *z) in [(1, (2, 3, 4)), (5, (6,))]:
    print(x, y, z)
