for a in [7, -7, 0]:
    for b in [2, -2]:
        print(a, b, a // b, a % b, -(a // -b), divmod(a, b))
print(-7 // 2.0, -7 % 2.0, 7 % -2.0, 2 ** 63 // -1)
