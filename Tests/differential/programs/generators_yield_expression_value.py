def gen():
    x = yield
    print("x =", x)
    y = yield x
    print("y =", y)
g = gen()
print(next(g))
print(g.send(10))
try:
    g.send(20)
except StopIteration:
    print("stopped")
