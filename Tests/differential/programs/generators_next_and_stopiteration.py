def gen():
    yield "a"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration:
    print("done")
print(next(g, "default"))
