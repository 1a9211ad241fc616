def countdown(n, step=1):
    while n > 0:
        yield n
        n -= step
print(list(countdown(5)), list(countdown(10, step=3)))
