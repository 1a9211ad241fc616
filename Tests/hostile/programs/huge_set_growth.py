s = set()
for i in range(3 * 10**5):
    s.add(i)
print(len(s))
