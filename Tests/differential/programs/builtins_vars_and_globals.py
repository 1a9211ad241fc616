x_global_value = 3
print("x_global_value" in globals(), globals()["x_global_value"])
def f():
    local_one = 1
    return sorted(locals())
print(f())
