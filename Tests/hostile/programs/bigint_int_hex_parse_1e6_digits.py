print(int('f' * 10**6, 16).bit_length(), int('1' * 10**6, 2).bit_length())
