class Hostile:
    def __hash__(self):
        return 2**100
print(len({Hostile(), Hostile()}))
