import itertools
print(len(list(itertools.repeat(1, 2**40))))
