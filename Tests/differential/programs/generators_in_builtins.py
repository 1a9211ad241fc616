def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i
print(sum(evens(10)), max(evens(10)), sorted(evens(7), reverse=True))
print(dict(zip("abc", evens(6))))
print(any(x > 4 for x in evens(10)), all(x % 2 == 0 for x in evens(10)))
