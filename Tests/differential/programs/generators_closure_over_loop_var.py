def gen():
    for i in range(3):
        yield lambda: i
fs = list(gen())
print([f() for f in fs])
g = gen()
f0 = next(g)
print(f0())
next(g)
print(f0())
