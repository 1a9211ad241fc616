print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -2), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(3.7), type(round(3.7)).__name__, round(3.7, 0), type(round(3.7, 0)).__name__)
