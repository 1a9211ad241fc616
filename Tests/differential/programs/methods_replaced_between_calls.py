# A call site keeps finding the right method when classes change between calls.
class Base:
    def m(self):
        return "base"

class Child(Base):
    pass

class Other:
    def m(self):
        return "other"

results = []
objects = [Child(), Child(), Other(), Child()]
for step in range(6):
    for o in objects:
        results.append(o.m())
    if step == 1:
        Base.m = lambda self: "patched base"
    if step == 2:
        Child.m = lambda self: "child"
    if step == 3:
        objects[0].m = lambda: "own"
    if step == 4:
        del Child.m
print(results)

def make():
    class Fresh:
        def m(self):
            return id(type(self)) % 7 >= 0
    return Fresh()
print(all(make().m() for _ in range(5)))
