print(sum([1, 2, 3]), sum([], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1, 2.5]))
print(sum([True, True, False]), sum((x for x in range(4)), start=100))
