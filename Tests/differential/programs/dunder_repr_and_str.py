class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x!r})"
class W(V):
    def __str__(self):
        return f"<{self.x}>"
print(V(1), repr(V("a")), str(V(2)), [V(3)])
print(W(4), repr(W(5)), [W(6)], f"{W(7)}", f"{W(8)!r}")
