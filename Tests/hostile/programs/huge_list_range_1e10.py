print(len(list(range(10**10))))
