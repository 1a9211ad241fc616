class A:
    def __add__(self, o):
        return NotImplemented
    def __repr__(self):
        return "A"
class B:
    def __radd__(self, o):
        return f"B.__radd__({o!r})"
print(A() + B())
