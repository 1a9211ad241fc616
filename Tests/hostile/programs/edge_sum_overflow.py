print(sum([2**62] * 4), sum(range(2**62, 2**62 + 4)))
