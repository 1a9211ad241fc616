class A:
    x = "A"
class B(A):
    pass
class C(A):
    x = "C"
class D(B, C):
    pass
print(D.x, [k.__name__ for k in D.mro()])
