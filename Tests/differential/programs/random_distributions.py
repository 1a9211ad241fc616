import random
random.seed(2024)
print([round(random.triangular(), 12) for _ in range(3)], random.triangular(1, 5), random.triangular(1, 5, 4.5),
      random.triangular(2, 2, 2), random.triangular(low=3, high=0, mode=1), random.triangular(0, 10, None))
print(random.lognormvariate(0, 0.5), random.expovariate(1.5), random.expovariate(lambd=0.25))
print(random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0, 1e-9), random.vonmisesvariate(-3, 0.5))
print([random.gammavariate(a, 2.0) for a in (0.3, 1.0, 1.7, 9.5)])
print([random.betavariate(a, b) for a, b in ((0.5, 0.5), (2, 5), (1, 1))])
print(random.paretovariate(3.0), random.weibullvariate(2.0, 1.5))
print(random.randbytes(0), random.randbytes(1), random.randbytes(5), random.randbytes(13).hex())
r = random.Random(7)
print(r.expovariate(2), r.gammavariate(0.7, 1), r.triangular(0, 1, 0.2), r.randbytes(4))
print(random.TWOPI, random.NV_MAGICCONST, random.LOG4, random.SG_MAGICCONST, random.BPF, random.RECIP_BPF)
for bad in [lambda: random.expovariate(0), lambda: random.gammavariate(0, 1), lambda: random.gammavariate(1, -1),
            lambda: random.paretovariate(0), lambda: random.expovariate(), lambda: random.gammavariate(1),
            lambda: random.betavariate(), lambda: random.weibullvariate(1, 2, 3), lambda: random.expovariate(lamb=1),
            lambda: random.randbytes(-1), lambda: random.triangular(0, 1, 'x'), lambda: random.expovariate(1, lambd=2)]:
    try:
        bad()
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
