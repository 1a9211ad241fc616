def get(self):
    return 1

p = property(get)
for call in ['p.getter()', 'p.getter(get, get)', 'p.getter(fget=get)', 'p.setter()', 'p.setter(1, 2)', 'p.setter(fset=get)',
             'p.deleter()', 'p.deleter(1, 2)', 'p.deleter(fdel=get)']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)


class Box:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 2

    @v.deleter
    def v(self):
        self._v = -1

    def twice(self):
        return self._v * 2

    w = v.getter(twice)


b = Box()
b.v = 4
print(b.v, b.w)
del b.v
print(b.v, Box.v.fget.__name__, Box.v.fset.__name__, Box.v.fdel.__name__, p.fset, p.fdel)
print([name for name in dir(p) if not name.startswith('__')])
print(p.getter.__doc__)
s = staticmethod(len)
c = classmethod(get)
print(s.__func__, c.__func__ is get, s.__wrapped__, c.__wrapped__ is get)
