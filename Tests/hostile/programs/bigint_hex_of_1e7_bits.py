print(len(hex(1 << 10**7)), len(bin(-(1 << 10**7))), len(format(1 << 10**7, 'o')))
