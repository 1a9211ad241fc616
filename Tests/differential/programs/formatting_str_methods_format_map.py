print("{a}-{b}".format_map({"a": 1, "b": 2}))
print("{:,}".format(10 ** 9), "{:>{w}}".format("x", w=4))
