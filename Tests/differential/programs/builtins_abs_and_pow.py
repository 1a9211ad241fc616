print(abs(-3), abs(3.5), abs(-0.0), abs(True), pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2.0, 0.5))
print(2 ** -2, (-8) ** (1 / 3) if False else "skip", 0 ** 0, 0.0 ** 0, (-2) ** 3, (-2) ** 2)
