def f(n):
    k = 3
    return [k * j for j in range(n)]
print(f(4))
