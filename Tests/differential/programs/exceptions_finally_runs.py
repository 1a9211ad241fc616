def f():
    try:
        return "try"
    finally:
        print("finally ran")
print(f())
def g():
    try:
        raise ValueError
    finally:
        print("finally on error")
try:
    g()
except ValueError:
    print("caught")
