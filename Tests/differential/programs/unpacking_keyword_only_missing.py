def g(a, *, key):
    return a, key
print(g(1, key=2))
g(1)
