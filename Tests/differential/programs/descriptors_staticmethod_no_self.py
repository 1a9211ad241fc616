class C:
    @staticmethod
    def f(x):
        return x * 2
    def g(self):
        return self.f(5)
print(C().g(), C.f(1))
