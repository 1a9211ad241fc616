class Hostile:
    def __len__(self):
        return -1
print(len(Hostile()))
