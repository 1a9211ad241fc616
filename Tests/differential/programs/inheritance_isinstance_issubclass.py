class A:
    pass
class B(A):
    pass
class C:
    pass
b = B()
print(isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), issubclass(B, A), issubclass(A, B))
print(issubclass(B, object), isinstance(3, int), isinstance(True, int), isinstance(3, (str, float)))
print(issubclass(bool, int), isinstance([], list), isinstance(None, object))
