class Hostile:
    def __add__(self, other):
        return self + other
print(Hostile() + 1)
