print(int("42"), int("  -7 "), int("+3"), int("1_000"), int("ff", 16), int("0xff", 16), int("0b101", 0), int("777", 8))
print(int(3.99), int(-3.99), int(True), int("z", 36), int("10", 2), int("0o17", 0))
