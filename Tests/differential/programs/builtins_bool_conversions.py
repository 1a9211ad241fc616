print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(()), bool(None), bool(range(0)))
print(bool(1), bool(-0.1), bool(" "), bool([0]), bool({0: 0}), bool(range(1)))
