print(round(3.14159, 2), round(-2.5), round(7, 1), round(17, -1), round(15, -1), round(25, -1))
print(round(1e20), round(0.1 + 0.2, 10), round(-0.4), round(5.5), round(6.5), round(2.5, 0))
