def f(n, *args, **kw):
    x = [n] * 100
    return f(n + 1, *x, **kw)
f(0)
