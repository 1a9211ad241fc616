print(["even" if n % 2 == 0 else "odd" for n in range(5)])
print([n if n > 0 else -n for n in [-2, -1, 0, 1]])
