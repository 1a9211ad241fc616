try:
    raise IndexError
except IndexError as e:
    print(repr(e), str(e), e.args)
raise TypeError
