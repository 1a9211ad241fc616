class Hostile:
    def __hash__(self):
        return hash(self)
print({Hostile()})
