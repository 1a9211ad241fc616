class Hostile:
    def __radd__(self, other):
        return other + self
print(sum([Hostile()]))
