class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in Singleton._instances:
            Singleton._instances[cls] = super().__call__(*args, **kwargs)
        return Singleton._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value=0):
        print("init", value)
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)


class Counting(type):
    count = 0

    def __call__(cls, *args):
        Counting.count += 1
        instance = type.__call__(cls, *args)
        instance.serial = Counting.count
        return instance


class Item(metaclass=Counting):
    def __init__(self, name):
        self.name = name


items = [Item(n) for n in "abc"]
print([(i.name, i.serial) for i in items], Counting.count)


class Prepared(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}

    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class P(metaclass=Prepared, option="x"):
    seen = injected + 1


print(P.injected, P.seen)


class Repr(type):
    def __repr__(cls):
        return "<Repr " + cls.__name__ + ">"

    def __len__(cls):
        return 3

    def __iter__(cls):
        return iter([1, 2, 3])

    def __getitem__(cls, key):
        return key * 2

    def __contains__(cls, item):
        return item == "yes"


class R(metaclass=Repr):
    pass


print(repr(R), str(R), len(R), list(R), R[21], "yes" in R, "no" in R, f"{R}")
print([R], bool(R))
