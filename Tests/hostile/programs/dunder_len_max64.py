class Hostile:
    def __len__(self):
        return 2**63 - 1
print(len(Hostile()), bool(Hostile()))
