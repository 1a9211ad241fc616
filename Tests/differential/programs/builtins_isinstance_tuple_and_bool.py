print(isinstance(True, bool), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance("a", (list, tuple)))
print(type(True) is bool, type(1) == int, bool.__name__)
