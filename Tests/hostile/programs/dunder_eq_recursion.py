class Hostile:
    def __eq__(self, other):
        return self == other
print(Hostile() == Hostile())
