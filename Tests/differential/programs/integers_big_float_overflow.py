try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 > 1e308, 10 ** 400 / 10 ** 399)
