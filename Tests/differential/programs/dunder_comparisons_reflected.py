class N:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, N) else o)
    def __repr__(self):
        return f"N({self.v})"
print(N(1) < N(2), N(3) > N(2), 5 > N(3), sorted([N(3), N(1), N(2)]))
