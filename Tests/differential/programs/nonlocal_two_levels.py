def a():
    v = "a"
    def b():
        def c():
            nonlocal v
            v = "c"
        c()
    b()
    return v
print(a())
