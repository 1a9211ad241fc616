for e in ["{}.copy(1)","{}.clear(1)","set().copy(1)","set().clear(1)","{}.popitem(1)","set().pop(1)", "{}.copy(x=1)"]:
    try: eval(e)
    except TypeError as x: print(x)
for e in ["{}.keys(1)", "{}.values(x=1)", "{}.items(1, x=2)", "frozenset().copy(1)", "{}.popitem(x=1)"]:
    try: eval(e)
    except TypeError as x: print(x)
