nothing = None
three = 3
cases = [lambda: "a" + 1, lambda: 1 + "a", lambda: [] + (), lambda: len(5), lambda: "x" * "y",
         lambda: nothing(), lambda: three[0], lambda: {}[[]], lambda: -"s", lambda: sum(["a"])]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
