class Hostile:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        self.target.clear()
        return 1
d = {1: 1, 2: 2}
d[Hostile(d)] = 3
print(len(d))
