class CallLoop(type):
    def __call__(cls, *args, **kwargs):
        return cls(*args, **kwargs)


class A(metaclass=CallLoop):
    pass


try:
    A()
except RecursionError:
    print("RecursionError")


class NewLoop:
    def __new__(cls):
        return cls()


try:
    NewLoop()
except RecursionError:
    print("RecursionError")


class Junk:
    def __new__(cls, kind):
        return [None, 1, "two", Junk, object()][kind]

    def __init__(self, kind):
        raise AssertionError("never")


print([type(Junk(k)).__name__ for k in range(5)])


class MetaJunk(type):
    def __new__(mcs, name, bases, ns):
        return None


class Nothing(metaclass=MetaJunk):
    pass


print(Nothing)


class PrepareJunk(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 42


try:
    class P(metaclass=PrepareJunk):
        pass
except TypeError:
    print("TypeError")


class InitSubclassLoop:
    def __init_subclass__(cls, **kw):
        class Inner(cls):
            pass


try:
    class Child(InitSubclassLoop):
        pass
except RecursionError:
    print("RecursionError")


class ReprLoop(type):
    def __repr__(cls):
        return repr(cls)


class R(metaclass=ReprLoop):
    pass


try:
    repr(R)
except RecursionError:
    print("RecursionError")


class LenBad(type):
    def __len__(cls):
        return -1


class L(metaclass=LenBad):
    pass


try:
    len(L)
except ValueError as e:
    print("ValueError:", e)


class SelfList(list):
    pass


s = SelfList([1])
s.append(s)
print(s, len(s))


class DeepInt(int):
    def __add__(self, other):
        return DeepInt(int(self) + other) + 0


try:
    DeepInt(1) + 1
except RecursionError:
    print("RecursionError")
try:
    type("X", (int, str), {})
except TypeError as e:
    print("TypeError:", e)
