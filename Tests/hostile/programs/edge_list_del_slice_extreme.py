a = list(range(10))
del a[::2**63 - 1]
del a[-2**63::-1]
print(a)
