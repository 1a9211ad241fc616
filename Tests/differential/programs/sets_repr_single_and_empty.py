print(set(), {1}, frozenset(), frozenset({5}), {"a"}, {(1, 2)})
