# timeout: 40
def wrap(g):
    return lambda: g
f = lambda: 0
for _ in range(300000):
    f = wrap(f)
print(callable(f()))
f = None
