# math: fsum, prod, predicates, inverse and hyperbolic functions, frexp/ldexp/modf, domain and range errors; float.as_integer_ratio; str.translate
import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum(range(5)))
print(math.prod([1, 2, 3, 4]), math.prod([0.5, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([10**20, 10**20]))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(math.nan), math.isnan(math.nan))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.atan2(1, -1), math.asin(0.5), math.acos(0.5), math.sinh(1), math.cosh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.log1p(1e-10), math.expm1(1e-10), math.exp2(10), math.cbrt(27), math.erf(0.5), math.erfc(0.5), math.gamma(5), math.degrees(math.pi), math.radians(180))
print(math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.75, 4))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.ulp(0.0))
for x in [0.1, -2.5, 1e300, 5e-324, 3.0, -0.0, 0.0]:
    print(x.as_integer_ratio(), end=' ')
print()
print('abc-def'.translate({ord('a'): 'A', ord('-'): None, ord('e'): ord('E')}), 'hello'.translate({}), 'naïve'.translate({ord('ï'): 'i'}))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: math.asin(2))
attempt(lambda: math.acosh(0))
attempt(lambda: math.log1p(-1))
attempt(lambda: math.gamma(0))
attempt(lambda: math.fmod(1, 0))
attempt(lambda: math.sinh(1000))
attempt(lambda: math.ldexp(1.0, 2000))
attempt(lambda: math.fsum([1e308, 1e308]))
attempt(lambda: math.fsum([math.inf, -math.inf]))
attempt(lambda: float('inf').as_integer_ratio())
attempt(lambda: float('nan').as_integer_ratio())
attempt(lambda: 'abc'.translate({ord('a'): 1.5}))
