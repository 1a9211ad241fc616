print(len(' '.join(['xx'] * 10**9)))
