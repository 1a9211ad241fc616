s = "abc"
t = s
s += "d"
print(s, t)
s[0] = "z"
