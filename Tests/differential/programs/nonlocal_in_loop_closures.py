def make():
    fs = []
    total = 0
    for i in range(3):
        def add(i=i):
            nonlocal total
            total += i
            return total
        fs.append(add)
    return fs
fs = make()
print([f() for f in fs], [f() for f in fs])
