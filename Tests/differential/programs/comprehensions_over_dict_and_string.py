d = {"b": 2, "a": 1}
print([k for k in d], [v for v in d.values()], [k + str(v) for k, v in sorted(d.items())])
print([c for c in "héllo" if c != "l"])
