g = [0]
for _ in range(100000):
    g = map(abs, g)
print(list(g))
