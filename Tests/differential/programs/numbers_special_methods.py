vals = [7, -3, True, 2.5, -0.0, 10**20]
for x in vals:
    row = []
    for name in ["__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__truediv__", "__rtruediv__", "__floordiv__",
                 "__mod__", "__pow__", "__and__", "__lshift__", "__eq__", "__lt__", "__ge__", "__ne__"]:
        for other in (2, 1.5, "s", None):
            try:
                row.append(repr(getattr(x, name)(other)))
            except AttributeError:
                row.append("AttributeError")
            except (TypeError, ZeroDivisionError, ValueError) as e:
                row.append(type(e).__name__)
    for name in ["__abs__", "__neg__", "__pos__", "__invert__", "__bool__", "__float__", "__int__"]:
        try:
            row.append(repr(getattr(x, name)()))
        except AttributeError:
            row.append("AttributeError")
    print(type(x).__name__, " ".join(row))
print((3).__mul__(2.0), (2.0).__rmul__(3))
print(-0.0 % 2, -4.0 % 2, 4.0 % -2, -0.0 % -2, 0.0 % -3, abs(-0.0))
