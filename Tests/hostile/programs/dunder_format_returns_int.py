class Hostile:
    def __format__(self, spec):
        return 3
print(f'{Hostile():>5}')
