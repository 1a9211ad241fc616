# dataclasses: fields, defaults, field(), repr/eq/order/frozen, asdict/astuple/replace, errors
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, FrozenInstanceError
import dataclasses
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0

@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

@dataclass(frozen=True)
class Config:
    hidden_size: int = 128
    layers: int = 2
    dropout: float = 0.1

@dataclass
class Batch:
    inputs: list
    targets: list = field(default_factory=list, repr=False)
    size: int = field(init=False)
    def __post_init__(self):
        self.size = len(self.inputs)

p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p == Point(2, 1), p != (1, 2), Point.y)
a, b = Item(2, 'b', ['x']), Item(1, 'a')
print(a, b, a > b, sorted([a, b]), Item(1, 'z') == Item(1, 'q'), Item.count, b.tags is not Item(1, 'c').tags)
c = Config()
print(c, Config(256, layers=3), c == Config(), hash(c) == hash(Config()), c.hidden_size)
try:
    c.layers = 4
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
bt = Batch([1, 2, 3])
print(bt, bt.size, bt.targets)
print(asdict(a), astuple(a), asdict(Batch([Point(1, 2)])), [f.name for f in fields(Item)], [f.name for f in fields(bt)])
print(replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(3), Point.__match_args__)

@dataclass
class Point3(Point):
    z: int = 0
print(Point3(1, 2, 3), [f.name for f in fields(Point3)])

@dataclass(eq=False)
class Node:
    value: int
n = Node(1)
print(n == Node(1), n == n, hash(n) == hash(n))

@dataclass
class WithKw:
    a: int
    b: int = field(default=2, kw_only=True)
print(WithKw(1), WithKw(1, b=3))

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: Point())
attempt(lambda: Point(1, 2, 3))
attempt(lambda: Point(1, x=2))
attempt(lambda: Point(1, q=2))
attempt(lambda: Item())
attempt(lambda: hash(Point(1, 2)))
attempt(lambda: asdict(Point))
attempt(lambda: fields(3))
attempt(lambda: field(default=1, default_factory=list))
attempt(lambda: replace(bt, size=3))
attempt(lambda: Point(1) < Point(2))
def bad_default():
    @dataclass
    class Bad:
        items: list = []
def bad_order():
    @dataclass
    class Bad:
        a: int = 1
        b: int
def bad_eq():
    @dataclass(order=True, eq=False)
    class Bad:
        a: int
attempt(bad_default)
attempt(bad_order)
attempt(bad_eq)
