s = {1, 2}
t = s
s |= {3}
s &= {1, 3, 4}
s -= {1}
s ^= {5, 3}
print(t, s is t)
f = frozenset([1])
g = f
g |= {2}
print(sorted(f), sorted(g), g is f, type(g).__name__)
