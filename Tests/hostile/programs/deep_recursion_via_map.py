def f(v):
    return list(map(f, [v]))
f(0)
