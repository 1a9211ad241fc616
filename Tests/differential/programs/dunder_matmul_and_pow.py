class M:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, o):
        return M(self.v * o.v + 1)
    def __pow__(self, k):
        return M(self.v ** k)
    def __rpow__(self, b):
        return M(b ** self.v)
print((M(2) @ M(3)).v, (M(2) ** 5).v, (2 ** M(3)).v)
