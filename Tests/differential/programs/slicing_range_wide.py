big = range(-2**63, 2**63, 2**62)
print(big, len(big), list(big), big[1:3], big[-1], big.stop, 2**62 in big, -2**63 in big, 2**63 in big)
print(range(2**64, 2**64 + 10, 3), list(range(2**64, 2**64 + 10, 3)), range(2**64)[-1], range(2**64)[2**63])
r = range(0, 2**63 - 1, 3)
print(r[-1], r[-1:], len(r[-2:]), r[10**18], r[-1] - r[-2], r.index(r[-1]), r.count(3), bool(range(0)))
print(range(10**12)[-3:], list(range(10**12)[-3:]), range(5)[::-1], list(range(5)[::-2]), range(1, 2**70, 2**68))
try:
    len(range(2**64))
except OverflowError as e:
    print("OverflowError:", e)
for i in range(2**63 - 2, 2**63 + 2):
    print(i, end=" ")
print()
print(range(3) == range(0, 3, 1), range(0) == range(5, 1), sum(range(2**62, 2**62 + 4)), reversed(range(3)) is not None)
