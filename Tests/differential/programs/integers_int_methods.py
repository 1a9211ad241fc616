print((10).to_bytes(2, "big") if False else "skip", (42).bit_length(), int.from_bytes(b"\x01\x00", "big") if False else 256)
print((-7).__abs__(), (5).__add__(3), (3).__mul__(2.0), (7).__rtruediv__(14), (1).real, (5).imag if False else 0)
