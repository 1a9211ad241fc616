def f():
    try:
        return 1
    finally:
        return 2
print(f())
def g():
    for i in range(3):
        try:
            continue
        finally:
            print("fin", i)
    return "done"
print(g())
