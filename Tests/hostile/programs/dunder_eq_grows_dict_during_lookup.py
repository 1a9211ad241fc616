class Hostile:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        for i in range(50):
            self.target[(id(self), i, len(self.target))] = 0
        return False
d = {}
d[Hostile(d)] = 1
try:
    d[Hostile(d)] = 2
except RuntimeError as e:
    print(e)
print(len(d) > 1)
