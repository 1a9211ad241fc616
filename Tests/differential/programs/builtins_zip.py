print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
names, nums = zip(*[("a", 1), ("b", 2)])
print(names, nums)
print(dict(zip(range(3), "xyz")))
