class Hostile:
    count = 0
    def __lt__(self, other):
        Hostile.count += 1
        return Hostile.count % 3 == 0
print(len(sorted([Hostile() for _ in range(500)])))
