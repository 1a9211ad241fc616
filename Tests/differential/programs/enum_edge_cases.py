from enum import Enum, IntEnum, StrEnum, auto, unique


class Http(StrEnum):
    GET = auto()
    POST = "post"


print(Http.GET, repr(Http.GET), Http.POST.upper(), Http.GET == "get", Http("post"), f"{Http.POST}", len(Http.GET))


class Listy(Enum):
    A = [1, 2]
    B = [3]


print(Listy.A.value, Listy([3]), list(Listy))


class Ordered(Enum):
    def __new__(cls, value, label):
        member = object.__new__(cls)
        member._value_ = value
        member.label = label
        return member

    LOW = 1, "low"
    HIGH = 2, "high"


print(Ordered.LOW.value, Ordered.HIGH.label, Ordered(2), repr(Ordered.LOW))


class SelfRef(Enum):
    A = 1
    B = 2


SelfRef.A.partner = SelfRef.B
SelfRef.B.partner = SelfRef.A
print(SelfRef.A.partner.partner is SelfRef.A, repr(SelfRef.B.partner))


class Holder(Enum):
    ONE = 1

    def __repr__(self):
        return "Holder(" + repr(self.value) + ")"


print(repr(Holder.ONE), str(Holder.ONE), [Holder.ONE])


class Bad(Enum):
    X = 1

    @classmethod
    def _missing_(cls, value):
        return "garbage"


try:
    Bad(2)
except TypeError as e:
    print("TypeError:", e)

try:
    class Broken(Enum):
        mro = 1
except ValueError as e:
    print("ValueError:", e)

try:
    class Sunder(Enum):
        _bad_ = 1
except ValueError as e:
    print("ValueError:", e)

try:
    Holder.ONE.value = 5
except AttributeError as e:
    print("AttributeError")

print(Holder.ONE.name, hash(Holder.ONE) == hash("ONE"), Holder["ONE"] is Holder.ONE, Holder(Holder.ONE))
print(isinstance(Holder, type), issubclass(Holder, Enum), Holder.__class__.__name__, type(Holder).__mro__[1].__name__)
rev = list(reversed(Http))
print(rev)


class Empty(Enum):
    pass


print(list(Empty), len(Empty), bool(Empty))


class Extended(Empty):
    X = 1


print(list(Extended))
print(Holder.ONE in Holder, Http.GET in Holder)
