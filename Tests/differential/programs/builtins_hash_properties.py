print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False), hash((1, 2)) == hash((1, 2)))
print(hash(-1), hash(-2), hash(10), hash(2 ** 61 - 1), hash(2 ** 61))
hash([1])
