import itertools
print(len(tuple(itertools.repeat(None, 2**62))))
