# math.isqrt over small and big ints, and its errors.
import math
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**40, 10**40 - 1, 2**127]])
for v in [-1, 2.0]:
    try:
        math.isqrt(v)
    except Exception as e:
        print(type(e).__name__, e)
