print(len('%d' % (7 << 10**7)))
