def f(a, b, c, d=0):
    return a + b * 10 + c * 100 + d * 1000
args = [1, 2]
print(f(*args, 3), f(*[1, 2, 3, 4]), f(1, *(2, 3)), f(*"12" and (1, 2), 3))
kw = {"c": 5, "d": 6}
print(f(1, 2, **kw), f(**{"a": 1, "b": 1, "c": 1}))
