def adder(n):
    return lambda x: x + n
adders = [adder(k) for k in range(4)]
print([f(100) for f in adders])
