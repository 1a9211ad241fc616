class Hostile:
    def __index__(self):
        return 2**63 - 1
print(range(Hostile())[-1], hex(Hostile()))
