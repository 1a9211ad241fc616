d = {}
for _ in range(300000):
    d = {'k': d}
print(len(d))
del d
