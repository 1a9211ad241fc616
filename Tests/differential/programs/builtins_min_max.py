print(min(3, 1, 2), max([4, 9, 2]), min("hello"), max("a", "B", "c"))
print(min([], default=None), max([], default="empty"), max([1, 5], default=0))
print(min(["aa", "b", "ccc"], key=len), max(["aa", "b", "ccc"], key=len), max([(1, "b"), (1, "a")]))
print(max([3, 3.0, 2]), min([2, 2.0]), max({"x": 1, "y": 0}, key=lambda k: k))
