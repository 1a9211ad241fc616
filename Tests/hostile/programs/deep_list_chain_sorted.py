a = []
b = []
for _ in range(100000):
    a = [a]
    b = [b]
print(len(sorted([a, b])))
