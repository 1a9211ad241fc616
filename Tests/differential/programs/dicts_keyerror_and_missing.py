d = {1: "one"}
try:
    d[2]
except KeyError as e:
    print("KeyError", e, e.args)
d[(1, 2)]
