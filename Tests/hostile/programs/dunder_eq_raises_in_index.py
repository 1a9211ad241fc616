class Hostile:
    def __eq__(self, other):
        raise TypeError('no eq')
print([1, 2].index(Hostile()))
