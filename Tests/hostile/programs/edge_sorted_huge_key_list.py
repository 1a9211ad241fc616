print(len(sorted(range(2 * 10**5), key=lambda v: -v)))
