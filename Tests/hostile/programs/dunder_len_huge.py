class Hostile:
    def __len__(self):
        return 2**100
print(len(Hostile()))
