class Twice:
    def __init__(self):
        self.k = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.k += 1
        if self.k > 2:
            raise StopIteration
        return self.k
t = Twice()
print(next(t), next(t), next(t, "end"))
