d = {}
for _ in range(100000):
    d = {1: d}
print(str(d)[:10])
