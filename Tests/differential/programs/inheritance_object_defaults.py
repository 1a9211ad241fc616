class C:
    pass
class E:
    def __eq__(self, other):
        return isinstance(other, E)
class H(E):
    def __hash__(self):
        return 7
c, e, h = C(), E(), H()
print(c.__eq__(c), c.__eq__(C()), c.__ne__(c), c.__ne__(1), e.__ne__(E()), e.__ne__(1), h.__ne__(H()))
print(c.__hash__() == hash(c), C.__hash__ is None, E.__hash__ is None, H.__hash__(h), e.__hash__ is None)
print(hasattr(c, "__eq__"), hasattr(E, "__hash__"), getattr(e, "__hash__", "missing"))
try:
    hash(e)
except TypeError as err:
    print("TypeError", err)
try:
    c.__eq__()
except TypeError as err:
    print("TypeError")
