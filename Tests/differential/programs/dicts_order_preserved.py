d = {}
for k in ["z", "a", "m"]:
    d[k] = len(d)
d["a"] = 99
print(list(d.items()))
del d["z"]
d["z"] = 5
print(list(d.keys()))
