d = {}
for i in range(3 * 10**5):
    d[i] = i
print(len(d))
