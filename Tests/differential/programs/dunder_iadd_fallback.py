class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("__add__")
        return Acc(self.v + o)
class Inplace(Acc):
    def __iadd__(self, o):
        print("__iadd__")
        self.v += o
        return self
a = Acc(1)
a0 = a
a += 2
print(a.v, a is a0)
b = Inplace(1)
b0 = b
b += 2
print(b.v, b is b0)
