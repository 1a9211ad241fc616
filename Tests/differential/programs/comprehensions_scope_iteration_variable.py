x = 10
r = [x for x in range(3)]
print(r, x)
def f():
    y = 5
    return [y + i for i in range(3)]
print(f())
