class Hostile:
    def __lt__(self, other):
        raise ArithmeticError('lt')
print(sorted([Hostile(), Hostile()]))
