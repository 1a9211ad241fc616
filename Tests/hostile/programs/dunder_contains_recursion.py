class Hostile:
    def __contains__(self, x):
        return x in self
print(1 in Hostile())
