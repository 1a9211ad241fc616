for args in [(1.5,), (0, 10, 0), ("3",)]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
