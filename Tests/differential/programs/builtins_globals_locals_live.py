globals()["made"] = 41
made += 1
print(made, "made" in globals(), globals().get("nope", "d"))
def f(a, b=2):
    c = a + b
    def g(): return c
    print(sorted(locals().items(), key=lambda kv: kv[0])[:2], sorted(locals()))
    return g
f(1)
class P:
    def __init__(self): self.x = 1; self.y = 2
p = P()
d = p.__dict__
d["z"] = 3
del d["x"]
print(p.z, hasattr(p, "x"), vars(p), len(vars(p)), list(d), d == {"y": 2, "z": 3}, dict(d), d.copy())
p.__dict__.update({"w": 9}, q=1)
print(vars(p), sorted(p.__dict__.items()), d.pop("w"), d.setdefault("k", 5), vars(p))
del globals()["made"]
try:
    made
except NameError as e: print(e)
print(type(p.__dict__).__name__, isinstance(locals(), dict))
