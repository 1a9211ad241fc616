class C:
    def __init__(self, prev):
        self.prev = prev
    def m(self):
        return self.prev
m = None
for _ in range(300000):
    m = C(m).m
print(m() is not None)
m = None
