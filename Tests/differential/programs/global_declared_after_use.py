x = 0
def f():
    global x
    x = 5
    return x
print(f(), x)
