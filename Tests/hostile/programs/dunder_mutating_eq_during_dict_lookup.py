class Hostile:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.target.clear()
        return False
d = {}
d[Hostile(d)] = 1
d[Hostile(d)] = 2
print(Hostile(d) in d, len(d))
