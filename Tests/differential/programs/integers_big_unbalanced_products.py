# Products of a long int by a much shorter one (split into pieces of the short one's length
# once both pass the Karatsuba threshold), digit for digit with CPython, all sign combinations.
import random

random.seed(22)
P = 1000000007
for long_bits, short_bits in [(5000, 1600), (20000, 1537), (20000, 3000), (50000, 9000), (100000, 1600),
                              (100000, 33000), (64 * 32 * 5 + 7, 64 * 32), (300000, 2000)]:
    a = random.getrandbits(long_bits) | (1 << (long_bits - 1))
    b = random.getrandbits(short_bits) | (1 << (short_bits - 1))
    for x, y in [(a, b), (b, a), (-a, b), (a, -b), (-b, -a)]:
        p = x * y
        print(long_bits, short_bits, p % P, p.bit_length(), p // b == x * (y // b), p % (b + 2) == (x % (b + 2)) * (y % (b + 2)) % (b + 2))
print(((2**100000 - 1) * (2**3000 + 1)) % P, (3**50000 * 5**2000).bit_length())
