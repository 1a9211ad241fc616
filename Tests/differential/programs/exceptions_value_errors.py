cases = [lambda: int("abc"), lambda: int("12.5"), lambda: float("x"), lambda: [1].index(2),
         lambda: "abc".index("z"), lambda: [].remove(1), lambda: int("10", 1)]
for c in cases:
    try:
        c()
    except ValueError as e:
        print(e)
