class Point:
    def __new__(cls, x, y):
        print("new", cls.__name__, x, y)
        instance = super().__new__(cls)
        instance.created = True
        return instance

    def __init__(self, x, y):
        print("init", x, y)
        self.x, self.y = x, y


p = Point(1, 2)
print(p.created, p.x, p.y)


class Other:
    pass


class Factory:
    def __new__(cls, kind):
        if kind == "other":
            return Other()
        return object.__new__(cls)

    def __init__(self, kind):
        print("Factory.__init__", kind)
        self.kind = kind


f = Factory("self")
o = Factory("other")
print(type(f).__name__, f.kind, type(o).__name__, hasattr(o, "kind"))


class Cached:
    _cache = {}

    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]

    def __init__(self, key):
        self.key = key


print(Cached(1) is Cached(1), Cached(1) is Cached(2))


class Garbage:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(Garbage())


class NoneNew:
    def __new__(cls):
        pass


print(NoneNew())


class Sub(Point):
    def __init__(self, x, y):
        super().__init__(x * 10, y * 10)


s = Sub(1, 2)
print(type(s).__name__, s.x, s.y)

try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)


class OnlyNew:
    def __new__(cls, *args):
        return object.__new__(cls)


print(type(OnlyNew(1, 2)).__name__)


class OnlyInit:
    def __init__(self, a):
        self.a = a


print(OnlyInit(3).a)


class BadNew:
    def __new__(cls, *args):
        return object.__new__(cls, *args)


try:
    BadNew(1)
except TypeError as e:
    print("TypeError:", e)
print(Point.__new__ is Point.__dict__["__new__"], type(Point.__dict__["__new__"]).__name__)
