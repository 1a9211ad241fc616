def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = make_counter()
d = make_counter()
print(c(), c(), c(), d())
