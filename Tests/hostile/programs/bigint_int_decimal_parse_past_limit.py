print(int('7' * 10**6))
