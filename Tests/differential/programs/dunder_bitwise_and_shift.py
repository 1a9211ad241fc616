class Bits:
    def __init__(self, v):
        self.v = v
    def __and__(self, o):
        return Bits(self.v & o)
    def __or__(self, o):
        return Bits(self.v | o)
    def __xor__(self, o):
        return Bits(self.v ^ o)
    def __lshift__(self, o):
        return Bits(self.v << o)
    def __invert__(self):
        return Bits(~self.v)
    def __repr__(self):
        return f"Bits({self.v})"
print(Bits(12) & 10, Bits(12) | 3, Bits(12) ^ 5, Bits(1) << 4, ~Bits(5))
