y = "module"
class C:
    y = "class"
    def get(self):
        return y
    z = y + "!"
print(C().get(), C.z, C.y)
