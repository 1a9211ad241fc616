g = (c for c in "abc")
print(list(g), list(g))
