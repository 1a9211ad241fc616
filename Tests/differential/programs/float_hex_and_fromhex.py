# float.hex and float.fromhex as CPython writes and reads them, and int.bit_count.
import math
values = [0.0, -0.0, 1.0, 3.0, -2.5, 0.1, 1e308, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
          math.pi, float("inf"), float("-inf"), float("nan"), 1 / 3, 123456789.0]
for v in values:
    h = v.hex()
    back = float.fromhex(h)
    print(h, back, back == v or (back != back and v != v))
for text in ["0x1p-2", "  -0x1.8p+1  ", "1.8p1", "0x.8p1", "0X1P0", "inf", "-Infinity", "nan", "+0x0p0",
             "0x1.fffffffffffff8p1023", "0x1p-1080", "0x1.00000000000008p0", "0x1.00000000000018p0", "0xABCp-4",
             "0x1p99999999999999999999", "0x1p-99999999999999999999", "1.", ".8", "7p3"]:
    try:
        print(repr(text), float.fromhex(text), (1.0).fromhex(text) == float.fromhex(text) or text.lower().endswith("nan"))
    except (ValueError, OverflowError) as e:
        print(repr(text), type(e).__name__, e)
for bad in ["", "0x", "p1", "0x1p", "0x1.2.3", "0xg", "1e5", "0x1p+-2", "- 0x1", "0x1 p2"]:
    try:
        print(repr(bad), float.fromhex(bad))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
try:
    float.fromhex(3)
except TypeError as e:
    print("TypeError", e)
print([n.bit_count() for n in [0, 1, 7, -7, 255, 2**40 + 3]])
