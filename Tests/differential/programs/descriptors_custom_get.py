class Ten:
    def __get__(self, obj, objtype=None):
        return 10
class A:
    x = Ten()
print(A().x, A.x)
