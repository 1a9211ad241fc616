class Hostile:
    def __repr__(self):
        return 42
print([Hostile()])
