a, b = 1, 2
a, b = b, a
print(a, b)
x = y = z = 0
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, t] = "st"
print(s, t)
