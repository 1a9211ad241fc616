d = {"a": 1, "b": 2}
print(d.setdefault("a", 5), d.setdefault("c", 3), d)
d.update({"d": 4}, e=5)
d.update([("f", 6)])
print(d)
print(d.popitem(), d.copy() == d, dict.fromkeys("xy", 0), dict.fromkeys([1, 2]))
d.clear()
print(d)
