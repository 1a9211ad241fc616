print(list(enumerate("abc")), list(enumerate(["x", "y"], start=10)), list(enumerate([], 5)))
for i, c in enumerate("hi", 1):
    print(i, c)
