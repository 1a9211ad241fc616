r = range(0, 20, 3)
print(r[2], r[-1], list(r[1:4]), r[::2], len(r), 9 in r, 10 in r, r.index(12), range(5)[::-1])
print(range(10)[2:8:2], list(range(10, 0, -3)), len(range(0)), range(3) == range(0, 3, 1))
