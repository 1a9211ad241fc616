def gen():
    yield 1
    raise ValueError("inside generator")
for v in gen():
    print(v)
