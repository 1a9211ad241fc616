print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x > 1, range(4))))
m = map(int, ["1", "2"])
print(next(m), list(m), list(m))
