class Hostile:
    def __repr__(self):
        return str([self])
print([Hostile()])
