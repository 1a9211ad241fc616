def a(x):
    def b(y):
        def c(z):
            return x + y + z
        return c
    return b
print(a(1)(10)(100))
