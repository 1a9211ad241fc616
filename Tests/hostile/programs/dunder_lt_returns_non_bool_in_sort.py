class Hostile:
    def __init__(self, v=0):
        self.v = v
    def __lt__(self, other):
        return [self.v]
print(len(sorted([Hostile(1), Hostile(2), Hostile(0)])))
