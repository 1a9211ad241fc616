g = (i for i in [5, 6])
print(type(g).__name__, next(g), next(g), next(g, None))
