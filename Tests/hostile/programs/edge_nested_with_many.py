class C:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
def nest(n):
    if n == 0:
        return 0
    with C():
        return nest(n - 1)
print(nest(900))
