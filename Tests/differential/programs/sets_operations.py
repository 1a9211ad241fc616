a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= {1, 2, 3, 4}, a < a, a >= {1}, a.isdisjoint({9}))
print(sorted(a.union([9], (8,))), sorted(a.intersection(range(3))), sorted(a.difference({1})), sorted(a.symmetric_difference(b)))
