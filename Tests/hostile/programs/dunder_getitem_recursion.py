class Hostile:
    def __getitem__(self, i):
        return self[i]
print(Hostile()[0])
