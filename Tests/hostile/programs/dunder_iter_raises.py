class Hostile:
    def __iter__(self):
        raise ValueError('no iteration')
print(sorted(Hostile()))
