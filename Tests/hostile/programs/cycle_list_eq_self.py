a = []
a.append(a)
print(a == a, a in a, a.count(a), a.index(a))
