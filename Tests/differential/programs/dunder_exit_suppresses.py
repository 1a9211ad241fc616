class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit sees", exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
with Suppress():
    raise KeyError("k")
print("after suppressed")
with Suppress():
    raise IndexError("i")
