class Hostile:
    def __float__(self):
        return 'x'
print(float(Hostile()))
