class Thing:
    pass
t = Thing()
print(type(t).__name__, t.__class__.__name__, type(t) is Thing, Thing.__name__)
print(type(3).__name__, type("s").__name__, type([]).__name__, type(None).__name__)
