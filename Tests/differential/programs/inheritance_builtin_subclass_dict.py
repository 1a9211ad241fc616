class DefaultZero(dict):
    def __missing__(self, key):
        return 0
d = DefaultZero(a=1)
print(d["a"], d["b"], len(d))
