class Hostile:
    def __format__(self, spec):
        return format(self, spec)
print(format(Hostile(), 'x'))
