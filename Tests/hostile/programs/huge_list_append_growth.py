a = []
for i in range(5 * 10**5):
    a.append(i)
print(len(a))
