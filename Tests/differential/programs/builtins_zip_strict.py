print(list(zip([1, 2], "ab", strict=True)))
list(zip([1, 2], "abc", strict=True))
