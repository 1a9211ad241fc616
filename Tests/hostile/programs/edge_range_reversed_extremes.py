print(list(reversed(range(-2**63, -2**63 + 3))), list(reversed(range(2**63 - 3, 2**63 - 1))))
