class C:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit", exc[0])
def f():
    with C():
        return "returned"
print(f())
for i in range(3):
    with C():
        if i == 1:
            break
print("i", i)
