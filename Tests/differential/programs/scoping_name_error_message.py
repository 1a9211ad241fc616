try:
    print(never_defined)
except NameError as e:
    print(type(e).__name__, e)
