class Hostile:
    def __iter__(self):
        return self
    def __next__(self):
        return next(self)
print(list(Hostile()))
