print(len('%*d' % (2**40, 1)))
