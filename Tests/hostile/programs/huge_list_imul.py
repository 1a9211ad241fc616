a = [0]
for _ in range(100):
    a *= 2
print(len(a))
