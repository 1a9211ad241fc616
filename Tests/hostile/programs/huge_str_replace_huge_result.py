s = 'a' * 10**7
print(len(s.replace('a', 'a' * 1000)))
