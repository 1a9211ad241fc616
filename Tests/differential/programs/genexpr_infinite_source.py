def naturals():
    n = 0
    while True:
        yield n
        n += 1
squares = (n * n for n in naturals())
print([next(squares) for _ in range(6)])
print(next(s for s in squares if s > 100))
