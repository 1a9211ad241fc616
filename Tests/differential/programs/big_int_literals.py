# Integer literals past 64 bits: hexadecimal, octal and binary ones of any length are read
# in linear time; decimal ones are held to CPython's 4300-digit conversion limit.

print(123456789012345678901234567890 * 3, -0x1234567890abcdef1234567890abcdef)
print(0o7777777777777777777777777777777777, 0b1111111111111111111111111111111111111111111111111111111111111111111111)
print(1_000_000_000_000_000_000_000 + 1)

print(eval("0x" + "f" * 200_000).bit_length(), eval("0x" + "f" * 200_000) % 1_000_003)
print(eval("7" * 4300) % 1_000_003)

for source in ["7" * 4301, "1" * 5000]:
    try:
        eval(source)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
