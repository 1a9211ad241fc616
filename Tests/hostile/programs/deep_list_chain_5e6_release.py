# timeout: 150
a = []
for _ in range(5 * 10**6):
    a = [a]
print(len(a))
