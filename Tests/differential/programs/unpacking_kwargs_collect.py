def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
def g(a, *, key="k", **rest):
    return a, key, rest
print(g(1), g(1, key="z", extra=0))
