class Hostile:
    def __repr__(self):
        return repr(self)
print(repr(Hostile()))
