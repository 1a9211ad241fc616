print('x' * 10**7)
