d = {"a": 1}
d["b"] = 2
d["a"] = 10
print(d, len(d), "a" in d, 1 in d, d.get("z"), d.get("z", 0), list(d), list(d.values()))
del d["a"]
print(d, d.pop("b"), d, d.pop("q", "dflt"))
