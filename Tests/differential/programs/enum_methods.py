from enum import Enum, IntEnum, auto


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)

    def describe(self):
        return f"{self.name.title()} weighs {self.mass:.3e}"


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.describe())
print(Planet((5.976e+24, 6.37814e6)), list(Planet.__members__))


class Mood(Enum):
    FUNKY = 1
    HAPPY = 3

    def describe(self):
        return self.name, self.value

    def __str__(self):
        return "my custom str! {0}".format(self.value)

    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY

    @staticmethod
    def helper():
        return "static"

    _private = 5


print(Mood.favorite_mood(), Mood.HAPPY.describe(), str(Mood.FUNKY), repr(Mood.FUNKY), Mood.helper(), list(Mood))


class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    NORTH = auto()
    SOUTH = auto()


print([m.value for m in Ordinal], Ordinal("north"))


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    @classmethod
    def _missing_(cls, value):
        for member in cls:
            if member.value == str(value).lower():
                return member
        return None


print(Status("ACTIVE"), Status("Inactive"))
try:
    Status("gone")
except ValueError as e:
    print("ValueError:", e)


class Base(Enum):
    def label(self):
        return "<" + self.name + ">"


class Derived(Base):
    X = 1
    Y = 2


print(Derived.X.label(), list(Derived))
try:
    class More(Derived):
        Z = 3
except TypeError as e:
    print("TypeError:", e)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal.CAT))
Pet = Enum("Pet", ["DOG", "FISH"])
print(list(Pet), Pet(2))
Size = Enum("Size", [("S", 10), ("M", 20)])
print(Size.M.value, Size(10))
Vals = Enum("Vals", {"ONE": 1, "TWO": 2})
print(list(Vals))
print(Mood.HAPPY.name in Mood.__members__, Mood.__members__["FUNKY"])
d = {Mood.FUNKY: 1, Mood.HAPPY: 2}
print(d[Mood.HAPPY], Mood.FUNKY in d)


class Weekday(IntEnum):
    MON = auto()
    TUE = auto()


print(list(Weekday), Weekday.TUE.value, Weekday.MON + Weekday.TUE)
