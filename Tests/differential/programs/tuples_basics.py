t = (1, 2, 3)
print(t, t[0], t[-1], len(t), t + (4,), t * 2, (1,), (), 2 in t, t.index(3), t.count(1))
print(tuple([1]) == (1,), (1, [2]) == (1, [2]), type(()).__name__)
t[0] = 5
