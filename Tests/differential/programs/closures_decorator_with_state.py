def counted(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper
@counted
def square(x):
    return x * x
print(square(3), square(4), square.calls)
