import random
random.seed(5)
bad = 0
for _ in range(3000):
    a = 0
    for _ in range(random.randrange(1, 8)):
        a = a * 10**9 + random.randrange(10**9)
    b = 0
    for _ in range(random.randrange(1, 5)):
        b = b * 10**9 + random.randrange(10**9)
    a, b = a + 1, b + 1
    if random.random() < 0.3: a = -a
    print(a / b, float(a), a / -b)
print(1065810099767455802587698271256634670 / 1117709500421696923954, (2**60 + 1) / 3, (2**53 + 1) / 1, float(2**64 + 2**11 + 1), float(2**64 + 2**11))
print(10**400 / 10**399, 1 / 10**400, -(10**310) // 3 / 10**5 if False else 0)
try:
    print(10**400 / 3)
except OverflowError as e:
    print("OverflowError", e)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError", e)
print(2**1074 / 2**2148 == 5e-324, 3 / 2**1075)
