class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registered = True
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)

    def describe(cls):
        return "class " + cls.__name__

    @property
    def upper_name(cls):
        return cls.__name__.upper()

    greeting = "hello from Meta"


class A(metaclass=Meta):
    x = 1
    def method(self):
        return "method"


print(type(A) is Meta, type(A).__name__, isinstance(A, Meta), isinstance(A, type))
print(A.registered, A.describe(), A.upper_name, A.greeting)
print(A().method(), type(A()) is A)


class B(A, flag=True):
    y = 2


print(type(B) is Meta, B.registered, B.x, B.y)
print(issubclass(Meta, type), Meta.__mro__ == (Meta, type, object))
try:
    A().describe()
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(A, "describe"), hasattr(A(), "greeting"))
print(repr(A), repr(Meta))
