d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {0: "zero", False: "false"}
print(d2)
