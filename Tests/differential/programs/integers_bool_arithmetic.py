print(True + 1, False * 10, True / 2, True // 1, -True, ~True, True & False, True | False, True ^ True)
print(type(True + True).__name__, type(True & True).__name__, sum([True] * 5))
