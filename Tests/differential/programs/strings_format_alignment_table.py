rows = [("name", "score"), ("ann", 93.5), ("bob", 7.25)]
for a, b in rows:
    print(f"{a:<6}|{b!s:>8}|")
for a, b in rows[1:]:
    print("{:<6}|{:>8.1f}|".format(a, b))
