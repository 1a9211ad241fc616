class Hostile:
    def __init__(self):
        self.value = self.compute
    def __getattr__(self, name):
        return self.value
print(Hostile())
