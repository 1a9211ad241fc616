def check(x):
    try:
        v = 10 / x
    except ZeroDivisionError:
        print("zero")
    else:
        print("ok", v)
    finally:
        print("end")
check(2)
check(0)
