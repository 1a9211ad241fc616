from enum import Enum, IntEnum, auto, unique, EnumMeta, EnumType


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.RED), str(Color.GREEN), f"{Color.BLUE}", format(Color.RED), "%s" % Color.RED)
print(Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.RED is Color(1), Color(1) == Color.RED)
print(list(Color), len(Color), [c.name for c in Color], Color.RED in Color)
print(type(Color.RED), type(Color), isinstance(Color.RED, Color), type(Color) is EnumMeta, EnumMeta is EnumType)
print(repr(Color), Color.__members__.keys(), list(Color.__members__.items())[0])
print(Color.RED == 1, Color.RED != Color.GREEN, hash(Color.RED) == hash(Color.RED), {Color.RED: "r"}[Color.RED])
print(Color.RED.__class__.__name__, Color.__name__, sorted(Color, key=lambda c: -c.value))
print(bool(Color.RED), [m for m in Color.__members__])
try:
    Color(5)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError:", e)
try:
    Color.RED = 10
except AttributeError as e:
    print("AttributeError:", e)


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape), len(Shape), Shape.ALIAS_FOR_SQUARE is Shape.SQUARE)
print(list(Shape.__members__), Shape["ALIAS_FOR_SQUARE"])


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Number.ONE, repr(Number.TWO), str(Number.THREE), f"{Number.ONE}", Number.ONE + 1, Number.TWO * 3, Number.ONE == 1)
print(Number.TWO < Number.THREE, sorted([Number.THREE, Number.ONE]), int(Number.TWO), [10, 20, 30][Number.ONE], Number(3))
print(isinstance(Number.ONE, int), hash(Number.ONE) == hash(1), {1: "one"}[Number.ONE], Number.ONE.value, type(Number.ONE + 1))
print("%d items" % Number.THREE, f"{Number.TWO:03d}", max(Number), sum(Number))
try:
    Number(7)
except ValueError as e:
    print("ValueError:", e)


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print([(m.name, m.value) for m in Auto])


@unique
class Fine(Enum):
    X = 1
    Y = 2


print(list(Fine))
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
        UNO = 1
except ValueError as e:
    print("ValueError:", e)
