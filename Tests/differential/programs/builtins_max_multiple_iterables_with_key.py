print(max(1, 2, key=lambda v: -v), min("b", "a", "c", key=ord), max([1, -5, 3], key=abs))
max(1)
