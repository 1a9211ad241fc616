s = "abcdefgh"
t = tuple(s)
print(s[1:4], s[::-1], s[-2:], s[::3], s[:100])
print(t[1:3], t[::-2])
