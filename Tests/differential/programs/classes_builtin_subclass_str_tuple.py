class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("ada")
print(n, repr(n), n.shout(), n + "x", n * 2, len(n), n[0], n[1:], "d" in n, n == "ada", n.title())
print(type(n).__name__, type(n.upper()).__name__, isinstance(n, str), f"[{n:>5}]", "-".join([n, n]), list(n))
print({n: 1}["ada"], hash(n) == hash("ada"), sorted([Name("b"), "a"]), n.split("d"), str(n), "%s!" % n)


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

    def swap(self):
        return Pair(self[1], self[0])


p = Pair(1, 2)
print(p, repr(p), p.first, p.swap(), len(p), p + (3,), list(p), p == (1, 2), p.count(1), p.index(2))
a, b = p
print(a, b, isinstance(p, tuple), type(p).__name__, hash(p) == hash((1, 2)), {p: "v"}[(1, 2)])


class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())

    def __str__(self):
        return "<" + self + ">"


u = Upper("hi")
print(u, repr(u), str(u), f"{u}", u.lower(), u == "HI")
