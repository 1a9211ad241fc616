class Hostile:
    def __str__(self):
        return None
print(Hostile())
