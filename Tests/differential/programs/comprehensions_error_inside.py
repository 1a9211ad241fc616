def bad(x):
    return 10 // x
print([bad(x) for x in [5, 2, 1]])
print([bad(x) for x in [1, 0]])
