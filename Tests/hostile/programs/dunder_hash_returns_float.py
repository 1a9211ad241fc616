class Hostile:
    def __hash__(self):
        return 1.5
print({Hostile(): 1})
