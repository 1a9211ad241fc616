class Hostile:
    def __iter__(self):
        return 5
print(list(Hostile()))
