import math
import random
random.seed(3)
print(math.comb(10, 3), math.comb(52, 5), math.comb(1000, 500) % 10**12, math.comb(5, 7), math.comb(0, 0), math.comb(10**20, 2))
print(math.perm(10, 3), math.perm(5), math.perm(5, None), math.perm(3, 5), math.perm(30, 20), math.perm(10**20, 2))
print(math.lcm(), math.lcm(4), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(2**70, 3**40, 10), math.lcm(True, 3))
for bad in [lambda: math.comb(-1, 2), lambda: math.comb(3, -1), lambda: math.comb(3.0, 1), lambda: math.perm(-1),
            lambda: math.perm(3, 1.5), lambda: math.lcm(2.0), lambda: math.comb(1), lambda: math.perm()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.dist((0, 0), (3, 4)), math.dist([1.5, -2.25, 9], [0.1, 7, -3]), math.dist((), ()), math.dist((2,), (-5,)))
try:
    math.dist((1, 2), (1,))
except ValueError as e:
    print(e)
print(math.hypot(), math.hypot(3, 4), math.hypot(-3), math.hypot(1, 2, 3), math.hypot(float('inf'), float('nan')),
      math.hypot(float('nan'), 1), math.hypot(1e-320, 1e-321), math.hypot(1e308, 1e308), math.hypot(0.0, -0.0))
mismatches = 0
for n in range(2, 9):
    for _ in range(300):
        v = [random.uniform(-1, 1) * 10 ** random.randint(-5, 5) for _ in range(n)]
        print(repr(math.hypot(*v)), repr(math.dist(v, [0.5] * n)))
for f in [lambda: math.comb(1, 2, 3), lambda: math.perm(1, 2, 3), lambda: math.dist((1,)), lambda: math.perm(-2, None)]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(e)
