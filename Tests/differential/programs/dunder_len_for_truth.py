class Box:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(Box(3)), bool(Box(0)), bool(Box(2)))
