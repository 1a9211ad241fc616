class Meters(int):
    pass


m = Meters(3)
print(m, repr(m), m + 1, 1 + m, m * 2, m - 5, -m, abs(Meters(-4)), m // 2, m % 2, m ** 2)
print(type(m + 1).__name__, type(m).__name__, int(m), float(m), m == 3, m < 4, hash(m) == hash(3))
print(isinstance(m, int), isinstance(m, Meters), [10, 20, 30, 40][m], bool(Meters(0)), bool(m))
print(Meters("12"), Meters("ff", 16), Meters(2.9), f"{m:04d}", "%d" % m, str(m), range(m))
print({m: "x"}[3], m in [3], sorted([Meters(5), 1, Meters(2)]), max(Meters(1), Meters(7)))
print(m.bit_length(), (Meters(6)).__add__(1), m.real)


class Celsius(float):
    def fahrenheit(self):
        return self * 9 / 5 + 32


c = Celsius(100)
print(c, repr(c), c.fahrenheit(), c + 0.5, type(c * 2).__name__, round(Celsius(2.567), 2), f"{c:.1f}")
print(c.is_integer(), float(c), int(c), c > 50, Celsius("1.5"))


class Labeled(int):
    def __new__(cls, value, label):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj

    def __repr__(self):
        return f"Labeled({int(self)}, {self.label!r})"

    def __add__(self, other):
        return Labeled(int(self) + int(other), self.label)


x = Labeled(5, "five")
print(x, repr(x), x + 1, x.label, (x + 2).label, str(x), x * 2, type(x * 2).__name__)


class Even(int):
    def __new__(cls, value):
        if value % 2:
            raise ValueError(f"{value} is odd")
        return int.__new__(cls, value)


print(Even(4))
try:
    Even(3)
except ValueError as e:
    print("ValueError:", e)
try:
    int.__new__(Labeled.__class__, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    Meters("abc")
except ValueError as e:
    print("ValueError:", e)
