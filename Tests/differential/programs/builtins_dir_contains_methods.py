class C:
    def method(self):
        pass
    attr = 1
names = dir(C())
print("method" in names, "attr" in names, "__init__" in names, "append" in dir([]), "upper" in dir(""))
