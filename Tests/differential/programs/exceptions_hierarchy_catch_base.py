for exc in [ZeroDivisionError("z"), KeyError("k"), IndexError("i"), ValueError("v"), UnboundLocalError("u")]:
    try:
        raise exc
    except ArithmeticError:
        print("ArithmeticError", type(exc).__name__)
    except LookupError:
        print("LookupError", type(exc).__name__)
    except NameError:
        print("NameError", type(exc).__name__)
    except Exception:
        print("Exception", type(exc).__name__)
