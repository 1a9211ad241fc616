def f():
    return f
g = f
for _ in range(100000):
    g = g()
print(g is f)
