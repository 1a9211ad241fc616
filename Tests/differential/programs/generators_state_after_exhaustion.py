def gen():
    yield 1
g = gen()
print(list(g))
print(list(g))
print(sum(gen()), max(gen()))
