class Hostile:
    def __neg__(self):
        return -self
print(-Hostile())
