print(float('1' * 100000 + '.5'))
