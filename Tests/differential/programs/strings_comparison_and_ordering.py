print("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "é" > "z", "10" < "9")
print(sorted(["b", "A", "a", "B"]), max("apple", "Apple"))
