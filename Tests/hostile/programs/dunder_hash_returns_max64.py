class Hostile:
    def __hash__(self):
        return 2**63 - 1
print(len({Hostile(), Hostile()}), hash(Hostile()))
