d = {"a": 1, "b": 2}
k = d.keys()
v = d.values()
i = d.items()
d["c"] = 3
print(k, v, i, len(k), "a" in k, ("a", 1) in i)
print(sorted(k - {"a"}), k & {"b", "z"} == {"b"})
