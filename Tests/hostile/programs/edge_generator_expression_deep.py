g = iter([0])
for _ in range(100000):
    g = (x for x in g)
print(list(g))
