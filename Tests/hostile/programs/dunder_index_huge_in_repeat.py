class Hostile:
    def __index__(self):
        return 2**62
print(len([0] * Hostile()))
