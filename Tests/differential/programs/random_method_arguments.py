import random

r = random.Random(5)
for call in ['r.random(1)', 'r.random(x=1)', 'r.getrandbits()', 'r.getrandbits(1, 2)', 'r.getrandbits(k=1)', 'r.getstate(1)',
             'r.setstate()', 'r.setstate(1, 2)', 'r.seed(1, 2, 3)', 'r.seed(zz=1)', 'r.randbytes()', 'r.randbytes(1, 2)',
             'r.choice()', 'r.choice(seq=[1], x=1)', 'r.sample([1])', 'r.sample([1], 1, 2)', 'r.sample([1, 2], 1, count=[1, 1])',
             'r.choices()', 'r.choices([1], None, None, 1, 2)', 'r.choices([1], k=2, zz=1)', 'r.shuffle()', 'r.shuffle(x=[], y=1)',
             'r.randrange()', 'r.randrange(1, 2, 3, 4)', 'r.randrange(stop=3)', 'r.randint(1)', 'r.randint(1, b=2, a=1)',
             'r.uniform(1)', 'r.gauss(1, 2, 3)', 'r.normalvariate(mu=1, zz=1)', 'r.triangular(1, 2, 3, 4)', 'r.expovariate()',
             'r.betavariate(1)', 'r.gammavariate(alpha=1)', 'r.lognormvariate(1, 2, 3)', 'r.paretovariate()', 'r.vonmisesvariate(1)',
             'r.weibullvariate(beta=1)', 'random.random(1)', 'random.getrandbits()', 'random.seed(1, 2, 3)', 'random.choice()',
             'random.randint(a=1)']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
print(r.random(), r.getrandbits(70), r.randbytes(5), r.choice('abc'), r.choice(seq=[4, 5]), r.sample(range(100), 3))
print(r.sample(population='abc', k=2, counts=[1, 2, 3]), r.choices('abc', [1, 2, 3], k=4), r.choices('ab', cum_weights=[1, 2]))
print(r.randrange(10), r.randrange(start=2, stop=20, step=3), r.randint(b=9, a=1), r.uniform(b=2, a=1), r.gauss(sigma=2))
print(r.normalvariate(1, 2), r.triangular(), r.triangular(mode=0.2), r.expovariate(lambd=2), r.betavariate(2, 3))
print(r.gammavariate(0.5, 1), r.lognormvariate(0, 1), r.paretovariate(alpha=3), r.vonmisesvariate(1, 2), r.weibullvariate(1, 2))
x = list(range(8))
r.shuffle(x=x)
print(x)
state = r.getstate()
first = r.random()
r.setstate(state=state)
print(first == r.random())
r.seed(a=7, version=2)
print(r.random())
r.seed(7, version=1)
print(r.random())
random.seed(3)
print(random.random(), random.randint(1, 6), random.choice('xyz'), random.sample([1, 2, 3], k=2))
print(r.random.__doc__, random.random.__doc__, r.seed.__doc__.split('\n')[0])
print(r.random.__name__, random.choices.__name__)
