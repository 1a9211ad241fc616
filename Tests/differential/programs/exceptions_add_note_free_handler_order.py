def f(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return "div"
    except TypeError:
        return "type"
    finally:
        print("f done", x)
print(f(2), f(0), f("a"))
