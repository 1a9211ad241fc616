def f(flag):
    if flag:
        v = "set"
    return v
print(f(True))
f(False)
