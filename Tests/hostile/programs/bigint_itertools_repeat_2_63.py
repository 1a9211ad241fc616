import itertools
print(itertools.repeat(1, 2**63))
