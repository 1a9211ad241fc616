class Hostile:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError('next')
print(list(Hostile()))
