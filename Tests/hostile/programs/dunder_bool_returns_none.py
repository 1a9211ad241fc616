class Hostile:
    def __bool__(self):
        return None
print(not Hostile())
