class Strict:
    def __getattr__(self, name):
        raise AttributeError(f"no {name} here")
print(hasattr(Strict(), "x"), getattr(Strict(), "x", "dflt"))
Strict().y
