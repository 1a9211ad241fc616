for i in range(-2**63, 2**63 - 1, 2**62):
    print(i)
