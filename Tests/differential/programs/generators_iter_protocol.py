def gen():
    yield 1
g = gen()
print(iter(g) is g)
print(type(g).__name__)
