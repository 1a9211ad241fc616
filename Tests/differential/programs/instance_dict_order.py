# An instance's attributes keep the order they were set in (vars, __dict__, dir of many).
class Point:
    def __init__(self):
        self.z = 1
        self.a = 2
        self.m = 3

p = Point()
p.b = 4
print(vars(p), list(p.__dict__))
del p.a
p.a = 5
print(vars(p))
class Many:
    pass
m = Many()
for i in range(30, 0, -1):
    setattr(m, f"k{i}", i)
print(list(vars(m))[:5], len(vars(m)), m.k7, hasattr(m, "k31"))
delattr(m, "k15")
print(list(vars(m))[14:17], getattr(m, "k16"))
