class C:
    def __init__(self):
        self.x = 1
        self.y = "two"
c = C()
print(c.__dict__, vars(c))
c.__dict__["z"] = 3
print(c.z)
