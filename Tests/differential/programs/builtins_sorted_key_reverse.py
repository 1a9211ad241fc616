words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), sorted("hello"), sorted({3: 0, 1: 0}))
print(sorted([3, 1, 2], reverse=True), sorted([]), sorted([1.5, -2, 0]))
