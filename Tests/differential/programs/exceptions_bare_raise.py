def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging")
        raise
f()
