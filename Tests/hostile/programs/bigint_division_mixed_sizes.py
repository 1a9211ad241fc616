q, r = divmod(10**30000, 7**5000 + 1)
print(q.bit_length(), r % 1000003, (-q) // 3**4000 % 997)
