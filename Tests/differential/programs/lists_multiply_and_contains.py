a = [1, 2] * 3
print(a, 2 in a, 5 in a, a.count(2), [None] * 0, a * False)
