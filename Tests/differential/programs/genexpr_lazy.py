def noisy(x):
    print("eval", x)
    return x
g = (noisy(i) for i in range(3))
print("before")
print(next(g))
print(list(g))
