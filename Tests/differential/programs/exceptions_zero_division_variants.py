for op in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0), lambda: 2.0 % 0.0]:
    try:
        op()
    except ZeroDivisionError as e:
        print(e)
