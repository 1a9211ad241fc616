# Floor division, modulo and divmod of big ints against CPython: seeded random operands of many
# sizes on both sides of the long/recursive division threshold (64 limbs of 32 bits), all four
# sign combinations, and limbs drawn from the values that exercise rare corrections.
import random

random.seed(20)
P, Q = 1000000007, 998244353


def digest(n):
    return (n % P, n % Q, n.bit_length(), n < 0)


def edgy(limbs):
    # Limbs of 0, 1 and the top values make quotient estimates land on their corrections.
    n = 0
    for _ in range(limbs):
        n = (n << 32) | random.choice([0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF, random.getrandbits(32)])
    return n | (1 << (32 * limbs - 1)) if random.getrandbits(1) else n


sizes = [33, 63, 64, 65, 95, 96, 97, 128, 500, 1023, 1024, 1025, 2047, 2048, 2049, 2080, 3000, 4096, 4127,
         8192, 20000]
pairs = [(a, b) for a in sizes for b in sizes if b <= a + 64]
pairs += [(70000, 33000), (70000, 20000), (70000, 4127), (70000, 2049), (70000, 64), (33000, 16500), (33000, 8192),
          (33000, 33000), (45000, 22000), (66000, 33000)]
count = 0
for bits_a, bits_b in pairs:
    if True:
        a = random.getrandbits(bits_a) | (1 << (bits_a - 1))
        b = random.getrandbits(bits_b) | (1 << (bits_b - 1))
        for x, y in [(a, b), (-a, b), (a, -b), (-a, -b)]:
            q, r = divmod(x, y)
            assert q == x // y and r == x % y
            print(bits_a, bits_b, digest(q), digest(r), q * y + r == x)
            count += 1
for limbs_a, limbs_b in [(3, 2), (4, 3), (8, 3), (40, 20), (70, 66), (130, 65), (140, 70), (300, 100), (400, 200),
                         (700, 300), (1000, 500), (1500, 700)]:
    for _ in range(4):
        a, b = edgy(limbs_a), edgy(limbs_b)
        if b == 0:
            continue
        q, r = divmod(a, b)
        print(limbs_a, limbs_b, digest(q), digest(r), divmod(-a, b)[1] == (-a) % b, (-a) // b == -(a // b) - (r != 0))
        count += 1
# Divisors just above and below powers of the limb base, and exact multiples.
for k in [64, 96, 2048, 2080, 4096, 10000, 40000]:
    for y in [2 ** k - 1, 2 ** k, 2 ** k + 1, 3 ** (k // 2), 10 ** (k // 4)]:
        x = y * (y + 12345) + 67890
        print(k, digest(x // y), digest(x % y), digest((x * y) // y - x), (y * y) % y, divmod(y * y, -y)[0] == -y)
        count += 1
print(count, "divisions")
