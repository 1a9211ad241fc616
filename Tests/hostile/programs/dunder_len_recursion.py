class Hostile:
    def __len__(self):
        return len(self)
print(len(Hostile()))
