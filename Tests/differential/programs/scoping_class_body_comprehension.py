class C:
    base = 10
    values = [x for x in range(3)]
print(C.values)
