class Hostile:
    def __str__(self):
        return f'{self}'
print(Hostile())
