class Hostile:
    def __eq__(self, other):
        return object()
    __hash__ = None
print(Hostile() == 1, Hostile() != 1, [Hostile()] == [1])
