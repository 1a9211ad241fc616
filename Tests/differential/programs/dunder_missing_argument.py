class C:
    def method(self, a, b):
        return a + b
C().method(1)
