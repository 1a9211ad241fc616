import itertools
print(sorted(itertools.repeat(0, 2**40)))
