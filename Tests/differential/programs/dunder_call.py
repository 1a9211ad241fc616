class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, y=1):
        return self.k * x * y
m = Multiplier(3)
print(m(2), m(2, y=5), callable(m), callable(Multiplier), callable(3))
