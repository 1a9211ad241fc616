def hello(self):
    return "hello " + self.name


Person = type("Person", (), {"name": "Ada", "hello": hello, "count": 0})
p = Person()
print(p.hello(), Person.__name__, type(p).__name__, Person.count)
print(Person.__bases__, Person.__mro__)

Student = type("Student", (Person,), {"school": "X"})
s = Student()
print(s.hello(), s.school, isinstance(s, Person), Student.__bases__[0] is Person)

Empty = type("Empty", (), {})
print(Empty.__name__, Empty.__module__, repr(Empty()).startswith("<__main__.Empty object"))


class Meta(type):
    pass


Made = Meta("Made", (), {"x": 1})
print(type(Made).__name__, Made.x)
Derived = type("Derived", (Made,), {})
print(type(Derived).__name__)

for args in [("X", 5, {}), ("X", (), 5), (5, (), {}), ("X", (5,), {})]:
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("X", ())
except TypeError as e:
    print("TypeError:", e)
try:
    type()
except TypeError as e:
    print("TypeError:", e)
print(type(5) is int, type(type) is type, type(Meta) is type)
