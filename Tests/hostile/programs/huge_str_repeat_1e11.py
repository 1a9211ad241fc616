s = 'x' * 10**11
print(len(s))
