def f(n):
    try:
        return f(n + 1)
    finally:
        pass
f(0)
