class Hostile:
    def __len__(self):
        return 2.5
print(bool(Hostile()))
