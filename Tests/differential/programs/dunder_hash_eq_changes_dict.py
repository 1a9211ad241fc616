d = {}
class Clearing:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        d.clear()
        return False
d[Clearing()] = 1
d[Clearing()] = 2
print(len(d))
class Growing:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        d[len(d) + 1000] = 0
        return False
d = {}
d[Growing()] = 1
d[Growing()] = 2
print(len(d))
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return f"Key({self.k})"
d = {(Key(5), 2): 3, Key(1): "one"}
print(d[(Key(5), 2)], d, Key(1) in {Key(1)}, {Key(1): 1} == {Key(1): 1})
del d[Key(1)]
print(d)
