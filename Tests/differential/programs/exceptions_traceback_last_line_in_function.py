def a():
    b()
def b():
    c()
def c():
    raise NotImplementedError("deep")
a()
