print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
reversed({1: 2})
