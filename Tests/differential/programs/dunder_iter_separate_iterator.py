class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        return BagIterator(self.items)
class BagIterator:
    def __init__(self, items):
        self.items = items
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]
b = Bag("x", "y")
print(list(b), list(b), sorted(b, reverse=True))
