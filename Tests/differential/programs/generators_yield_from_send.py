def inner():
    x = yield "i1"
    y = yield "i2:" + str(x)
    return x + y
def outer():
    r = yield from inner()
    yield "outer got " + str(r)
g = outer()
print(next(g))
print(g.send(3))
print(g.send(4))
