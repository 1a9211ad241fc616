def total(items):
    s = 0
    def add(x):
        nonlocal s
        s += x
    for it in items:
        add(it)
    return s
print(total([1, 2, 3, 4]))
