print(len(format(-7 << 10**7, ',')))
