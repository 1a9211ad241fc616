class C:
    def __init__(self):
        self._x = 0
    def get_x(self):
        return self._x
    def set_x(self, v):
        self._x = v * 2
    x = property(get_x, set_x)
c = C()
c.x = 4
print(c.x, type(C.__dict__["x"]).__name__)
