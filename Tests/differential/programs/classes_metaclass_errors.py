class M1(type):
    pass


class M2(type):
    pass


class X(metaclass=M1):
    pass


class Y(metaclass=M2):
    pass


try:
    class Z(X, Y):
        pass
except TypeError as e:
    print("TypeError:", e)


class M3(M1):
    pass


class W(X, metaclass=M3):
    pass


print(type(W).__name__)


class V(W):
    pass


print(type(V).__name__)


def factory(name, bases, ns):
    print("factory", name, sorted(k for k in ns if not k.startswith("__")))
    return 42


class F(metaclass=factory):
    a = 1


print(F)


class Garbage(type):
    def __new__(mcs, name, bases, ns):
        return "not a class"


class G(metaclass=Garbage):
    pass


print(G, type(G).__name__)


class Recursive(type):
    def __call__(cls, *args):
        return cls(*args)


class Loop(metaclass=Recursive):
    pass


try:
    Loop()
except RecursionError as e:
    print("RecursionError")

try:
    type.__new__(int, "X", (), {})
except TypeError as e:
    print("TypeError:", e)

try:
    class Bad(bool):
        pass
except TypeError as e:
    print("TypeError:", e)


class NoSuper(type):
    def __new__(mcs, name, bases, ns):
        return object.__new__(mcs)


try:
    class Q(metaclass=NoSuper):
        pass
except TypeError as e:
    print("TypeError:", e)
