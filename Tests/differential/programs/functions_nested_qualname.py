def f():
    def g():
        h = lambda: 1
        return h
    return g
print(f().__qualname__, f()().__qualname__, f.__qualname__)
class C:
    def m(self):
        def inner(): pass
        return inner
print(C().m().__qualname__, C.m.__qualname__)
