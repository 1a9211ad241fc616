class Hostile:
    def __lt__(self, other):
        return self < other
print(sorted([Hostile(), Hostile()]))
