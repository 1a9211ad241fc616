def key(v):
    return sorted([v], key=key)
sorted([1], key=key)
