class Plugin:
    registry = []

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class Alpha(Plugin):
    pass


class Beta(Plugin, name="b"):
    pass


class Gamma(Beta):
    pass


print(Plugin.registry, Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)
print(hasattr(Plugin, "plugin_name"))

try:
    class Bad(Plugin, name="x", colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Plain(object, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)


class Base:
    def __init_subclass__(cls):
        cls.tag = "tagged " + cls.__name__


class Child(Base):
    pass


class GrandChild(Child):
    pass


print(Child.tag, GrandChild.tag, hasattr(Base, "tag"))


class Explicit:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("explicit", cls.__name__, kw)


class E1(Explicit, k=1):
    pass


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns, **kw)


class WithMeta(metaclass=Meta):
    def __init_subclass__(cls, size=0):
        cls.size = size


class Sized(WithMeta, size=3):
    pass


print(Sized.size, type(Sized).__name__)
print(Base.__init_subclass__.__name__)
