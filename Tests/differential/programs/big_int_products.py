# Products of large ints (Karatsuba past a few dozen limbs) agree with CPython digit for digit.
import random
random.seed(11)
for bits in [31, 32, 64, 1000, 1535, 1537, 3000, 20000, 70000]:
    for _ in range(3):
        a = random.getrandbits(bits) | 1
        b = random.getrandbits(bits // 3 + 1) | 1
        for x, y in [(a, a), (a, b), (b, a), (-a, b), (a, -a)]:
            p = x * y
            print(bits, p % 1000000007, p.bit_length(), (p >> (p.bit_length() // 2)) % 999983 if p > 0 else -((-p) % 999983))
print(len(str(3 ** 8000)), (7 ** 20000) % 10**9, (2**4096 - 1) * (2**4096 + 1) == 2**8192 - 1)
x = 10 ** 100000
print(x.bit_length(), (x * x) % 123456789, (x * x).bit_length())
