print(round(1.5, -2**63), round(2**62, -19))
