print(len(tuple(range(10**10))))
