class Hostile:
    def __index__(self):
        return 'x'
print([1, 2][Hostile()])
