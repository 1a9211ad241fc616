a = [[0] * 10**6] * 10**6
print(len(a))
