print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any(x > 2 for x in [1, 3]))
def check(v):
    print("check", v)
    return v
print(any(check(v) for v in [0, 1, 2]), all(check(v) for v in [1, 0, 2]))
