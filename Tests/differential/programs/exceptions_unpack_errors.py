def two(v):
    a, b = v
    return a, b
def one(v):
    a, = v
    return a
def star(v):
    a, *b, c = v
    return a, b, c
for f, v in [(two, [1]), (two, [1, 2, 3]), (one, []), (star, [1]), (two, "ab"), (star, "xy")]:
    try:
        print(f(v))
    except ValueError as e:
        print(e)
