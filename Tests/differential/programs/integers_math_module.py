import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3), math.isclose(0.1 + 0.2, 0.3))
print(math.pi, math.e, math.inf, math.isnan(math.nan), math.log(math.e), math.log10(1000), math.log2(8), math.exp(0))
print(math.floor(2.0), type(math.floor(2.0)).__name__, math.gcd(12, 18), math.isqrt(17), math.log(8, 2))
