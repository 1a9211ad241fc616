f = frozenset([1, 2, 2])
print(len(f), 1 in f, sorted(f | {3}), type(f | {3}).__name__, {f: "key"}[frozenset([2, 1])])
f.add(3)
