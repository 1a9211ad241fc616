a = []
for _ in range(10000):
    a.append(a)
print(len(a), str(a)[:20])
