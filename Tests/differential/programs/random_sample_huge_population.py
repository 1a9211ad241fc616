import random
random.seed(5)
print(random.sample(range(10**18), 3))
print(random.sample(range(2**62), 5))
print(random.sample(range(30), 4), random.sample('abcdefghij', 3), random.sample((1, 2, 3), 3))
print(random.sample(['a', 'b'], 3, counts=[1, 2]))
try:
    random.sample(['a', 'b'], 1, counts=[2**62, 2**62])
except OverflowError as e:
    print('OverflowError', e)
try:
    random.sample(range(2**62), 2**61)
except MemoryError:
    print('MemoryError')
