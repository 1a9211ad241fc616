class C:
    """Doc."""
    a = 1

    def method(self):
        return 2

    @property
    def prop(self):
        return 3


d = C.__dict__
print(type(d).__name__, "a" in d, "method" in d, "missing" in d, d["a"], d.get("zz", "default"))
print(type(d["prop"]).__name__, type(d["method"]).__name__)
print([k for k in d if not k.startswith("__")])
print(sorted(k for k in d.keys() if not k.startswith("__")))
try:
    d["a"] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del d["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)
C.b = 10
print("b" in C.__dict__, C.__dict__["b"])
print(d["__module__"], d["__doc__"])


class D(C):
    c = 3


print("a" in D.__dict__, "c" in D.__dict__, vars(D)["c"])
copied = dict(D.__dict__)
print(type(copied).__name__, copied["c"])
print(len([k for k in C.__dict__.items() if k[0] == "a"]))
