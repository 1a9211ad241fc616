# A metaclass's __prepare__ may return any mapping: the class body reads, binds and deletes
# its names through that mapping's __getitem__, __setitem__ and __delitem__.


class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, key, value):
        self.log.append("set " + key)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        self.log.append("get " + key)
        return super().__getitem__(key)

    def __delitem__(self, key):
        self.log.append("del " + key)
        super().__delitem__(key)


class Recording(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return Recorder()

    def __new__(mcs, name, bases, ns, **kw):
        print(name, type(ns).__name__, ns.log)
        return super().__new__(mcs, name, bases, dict(ns))


class A(metaclass=Recording):
    """The docstring is stored through the mapping too."""
    x = 1
    y = x + 1
    z: "int" = 3
    for i in range(2):
        w = i
    del y

    def f(self):
        return self.x


print(A.x, hasattr(A, "y"), A.w, list(A.__annotations__), A.__doc__, A().f())


class NoAnnotations(metaclass=Recording):
    a = len
    b = a("abc")


print(NoAnnotations.b)


class Mapping:
    """Not a dict at all: the metaclass turns it into one."""

    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]


class PlainFunctionPrepare(type):
    def __prepare__(name, bases):
        return Mapping()

    def __new__(mcs, name, bases, ns):
        print(sorted(ns.d))
        return type.__new__(mcs, name, bases, ns.d)


class B(metaclass=PlainFunctionPrepare):
    a = 1
    b = a * 2


print(B.b, type(B).__name__)


class Junk(type):
    def __prepare__(name, bases):
        return 5


try:
    class C(metaclass=Junk):
        pass
except TypeError as e:
    print("TypeError:", e)


class Forwarding(type):
    def __prepare__(name, bases):
        return Mapping()


try:
    class D(metaclass=Forwarding):
        a = 1
except TypeError as e:
    print("TypeError:", e)


class WithMissing(type):
    def __prepare__(name, bases):
        class Missing(dict):
            def __missing__(self, k):
                return "missing:" + k
        return Missing()

    def __new__(mcs, name, bases, ns):
        return type.__new__(mcs, name, bases, dict(ns))


class E(metaclass=WithMissing):
    v = undefined_name
    n = len


print(E.v, E.n)

try:
    class F(metaclass=PlainFunctionPrepare):
        del nothere
except NameError as e:
    print("NameError:", e)


class Raising(dict):
    def __setitem__(self, key, value):
        if key == "bad":
            raise ValueError("no " + key)
        super().__setitem__(key, value)


class RaisingMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Raising()


try:
    class G(metaclass=RaisingMeta):
        good = 1
        bad = 2
except ValueError as e:
    print("ValueError:", e)


class Shared(type):
    store = {}

    @classmethod
    def __prepare__(mcs, name, bases):
        return mcs.store


class H(metaclass=Shared):
    q = 1


print(sorted(k for k in Shared.store if not k.startswith("__")), H.q, H.__module__)
