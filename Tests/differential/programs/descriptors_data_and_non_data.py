class Log:
    def __init__(self):
        self.events = []
    def __set_name__(self, owner, name):
        self.events.append(("set_name", owner.__name__, name))
        self.name = name
    def __get__(self, obj, objtype=None):
        self.events.append(("get", obj is None, objtype.__name__))
        return self if obj is None else obj.__dict__.get("_" + self.name, 0)
    def __set__(self, obj, value):
        self.events.append(("set", value))
        obj.__dict__["_" + self.name] = value * 10
    def __delete__(self, obj):
        self.events.append(("delete",))
        del obj.__dict__["_" + self.name]
class Lazy:
    def __get__(self, obj, objtype=None):
        return "computed"
class Base:
    hp = Log()
    lazy = Lazy()
class Child(Base):
    pass
c = Child()
c.hp = 3
print(c.hp, c.__dict__)
c.__dict__["hp"] = "shadow?"
print(c.hp)
del c.hp
print(c.hp, Child.hp is Base.__dict__["hp"] if False else isinstance(Child.hp, Log))
print(c.lazy)
c.lazy = "mine"
print(c.lazy, Base.lazy)
print(Base.hp.events)
