class Hostile:
    def __iter__(self):
        return iter(self)
print(list(Hostile()))
