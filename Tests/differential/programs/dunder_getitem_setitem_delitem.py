class Store:
    def __init__(self):
        self.data = {}
    def __getitem__(self, k):
        return self.data[k]
    def __setitem__(self, k, v):
        self.data[k] = v
    def __delitem__(self, k):
        del self.data[k]
s = Store()
s["a"] = 1
s["b"] = 2
del s["a"]
print(s.data, s["b"])
s["a"]
