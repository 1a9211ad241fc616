print(format(3.14159, ".3f"), format(42), format("x", "^5"), format(True), format(None), format(1e100))
print(format(42, "d"), format(3, ".2f"), format(2.0, "g"), format(1234.5, ".6"))
