print(len(range(10**12)[::2]))
