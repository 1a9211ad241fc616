x = "module"
def outer():
    x = "outer"
    def inner():
        global x
        x = "changed"
    inner()
    return x
print(outer(), x)
