g = [1]
for _ in range(100000):
    g = filter(None, g)
print(list(g))
