a = -(3**20000)
b = 2**20001 + 1
print((a % b).bit_length(), (a // b).bit_length(), a % -b <= 0, divmod(a, -b)[0] > 0)
