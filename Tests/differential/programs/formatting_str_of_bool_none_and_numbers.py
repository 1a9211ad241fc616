print(str(True), str(None), str(1.0), str(-0.0), str(10 ** 20), str(1e20), str(1e16), str(123.456e5))
print(True + True, True * 3, -True, 1 == 1.0, hash(1) == hash(1.0), int(True), float(False))
