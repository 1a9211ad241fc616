class A:
    pass
a = A()
a.d = a.__dict__
a.d['me'] = a
a.d['view'] = a.d
print(len(a.d), sorted(vars(a)))
del a
