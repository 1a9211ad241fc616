class Hostile:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.append(0)
        return False
a = [1]
h = Hostile(a)
for v in a:
    if len(a) > 100000:
        break
    v == h
print(len(a))
