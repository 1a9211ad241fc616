class Hostile:
    def __init__(self, target):
        self.target = target
    def __lt__(self, other):
        self.target.append(1)
        return False
a = []
a.extend([Hostile(a), Hostile(a), Hostile(a)])
a.sort()
print(len(a))
