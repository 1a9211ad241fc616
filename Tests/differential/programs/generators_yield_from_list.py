def gen():
    yield from [1, 2]
    yield from "ab"
    yield from range(3)
print(list(gen()))
