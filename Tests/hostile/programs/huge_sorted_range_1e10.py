print(len(sorted(range(10**10))))
