from enum import Flag, IntFlag, auto, Enum


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.value, Perm.R in rw, Perm.X in rw, bool(Perm(0)), repr(Perm(0)))
print(rw & Perm.R, rw ^ Perm.R, list(rw), repr(Perm(7)), Perm.R | Perm.W | Perm.X == Perm(7))
print(list(Perm), len(Perm), repr(~Perm.R))


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = 7


print([c.value for c in Color], repr(Color.WHITE), list(Color), Color.WHITE.name, (Color.RED | Color.GREEN).name)


class Mode(IntFlag):
    A = 1
    B = 2


print(Mode.A | Mode.B, repr(Mode.A | Mode.B), Mode.A + 1, Mode.B == 2, isinstance(Mode.A, int), Mode(3))
try:
    Perm(8)
except ValueError as e:
    print("ValueError")
print(Perm(6), Perm(6) is (Perm.R | Perm.W))


class Self(Enum):
    A = 1
    B = 2

    def other(self):
        return Self.B if self is Self.A else Self.A


print(Self.A.other(), Self.A.other().other())
