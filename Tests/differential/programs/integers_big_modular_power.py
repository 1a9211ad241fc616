# pow(base, exp, mod) with exponents of a million bits (read bit by bit in place, not shifted),
# negative moduli and exponents, and big operands.
print(pow(3, (1 << 10**6) + 5, 1000003), pow(-7, 2**300 + 1, -10**40 - 7), pow(5, -3, 10**30 + 1))
print(pow(2, 0, 1), pow(2, 0, 7), pow(0, 0, 5), pow(2**64 + 1, 2**64 + 3, 2**70))
print(pow(3 ** 500, 3 ** 700, 10 ** 200 + 3) % 10**9, pow(10**50 + 7, 2**80 - 1, 3**100) % 10**9)
