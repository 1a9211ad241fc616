def f():
    pass
f.calls = 3
f.calls += 1
print(f.calls, f.__name__)
def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
