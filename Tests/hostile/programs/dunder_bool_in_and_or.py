class Hostile:
    def __bool__(self):
        return 'yes'
print(Hostile() and 1, Hostile() or 2)
