e = ValueError("a", 1)
print(e.args, str(e), repr(e))
print(str(KeyError("k")), repr(KeyError("k")), str(Exception()), repr(Exception()))
print(str(ValueError(3)), repr(RuntimeError("x\ny")))
