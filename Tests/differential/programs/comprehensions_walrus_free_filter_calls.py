calls = []
def keep(x):
    calls.append(x)
    return x % 2 == 1
print([x * x for x in range(6) if keep(x)], calls)
