g = [0]
for _ in range(100000):
    g = zip(g)
print(len(list(g)))
