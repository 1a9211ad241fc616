records = [("b", 2), ("a", 1), ("c", 2), ("d", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
