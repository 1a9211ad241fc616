print(str(12), repr("a\nb"), ascii("é中"), repr(1.0), str([1, "a"]), repr(None))
