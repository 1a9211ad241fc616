class C:
    pass
print(C().__eq__(C()), C.__name__, isinstance(C(), object), type(C) is type)
