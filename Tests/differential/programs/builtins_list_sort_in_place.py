a = [5, 2, 9, 1]
r = a.sort()
print(r, a)
a.sort(key=lambda v: -v)
print(a)
b = ["bb", "a", "ccc"]
b.sort(key=len, reverse=True)
print(b)
