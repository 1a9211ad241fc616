class A:
    pass
class B(A):
    pass
print(B.__bases__[0].__name__, A.__bases__[0].__name__, B.__name__)
