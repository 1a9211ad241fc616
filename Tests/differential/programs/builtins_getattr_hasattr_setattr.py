class C:
    a = 1
c = C()
setattr(c, "b", 2)
print(getattr(c, "a"), getattr(c, "b"), getattr(c, "zz", None), hasattr(c, "a"), hasattr(c, "zz"))
delattr(c, "b")
print(hasattr(c, "b"))
getattr(c, "zz")
