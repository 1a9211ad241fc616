# str(), repr(), format() and int() round trips of big ints up to CPython's 4300-digit limit,
# hex/oct/bin of big ints of any size, and the limit's ValueError itself.
import random

random.seed(21)
for digits in [19, 20, 21, 38, 39, 40, 100, 500, 1000, 2000, 4299, 4300]:
    for sign in [1, -1]:
        n = sign * (10 ** (digits - 1) + random.getrandbits(4 * digits) % (9 * 10 ** (digits - 1)))
        s = str(n)
        print(digits, len(s), s[:30], s[-30:], int(s) == n, repr(n) == s, format(n, "d") == s, n % 10 ** 9)
        print(format(n, ",")[-40:], format(n, "_")[:40], f"{n:>4310}"[-20:])
print(str(10 ** 4299)[:5], len(str(10 ** 4299)), str(-(10 ** 4299) + 1)[:5])
for x in [10 ** 4300, -(10 ** 4300), 2 ** 14300, 7 ** 100000]:
    try:
        print(len(str(x)))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(len(format(x, ",")))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("7" * 4301)
except ValueError as e:
    print("ValueError:", e)
for bits in [65, 1000, 100000, 1000003]:
    n = random.getrandbits(bits) | (1 << (bits - 1))
    for sign in [1, -1]:
        for text in [hex(sign * n), oct(sign * n), bin(sign * n), format(sign * n, "x"), format(sign * n, "#X")]:
            print(bits, len(text), text[:24], text[-24:])
        print(int(hex(n), 16) == n, int(oct(n), 8) == n, int(bin(n), 2) == n, int(hex(n)[2:], 16) == n)
