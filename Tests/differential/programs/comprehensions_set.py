print(sorted({x % 4 for x in range(20)}))
print(sorted({c.upper() for c in "hello world" if c.isalpha()}))
