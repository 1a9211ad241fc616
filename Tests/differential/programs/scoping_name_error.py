def f():
    return undefined_name_here
f()
