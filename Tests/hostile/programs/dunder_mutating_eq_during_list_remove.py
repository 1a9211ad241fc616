class Hostile:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.clear()
        return False
a = [1, 2, 3]
a.remove(Hostile(a))
