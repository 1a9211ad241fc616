class A:
    count = 1
    @classmethod
    def make(cls, n):
        return f"A.make({cls.__name__}, {n})"
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def label(self):
        return "A-label"
    def plain(self):
        return "A.plain"
class B(A):
    @classmethod
    def make(cls, n):
        return "B+" + super().make(n + 1)
    @staticmethod
    def helper(x):
        return super(B, B).helper(x) + 1
    @property
    def label(self):
        return super().label + "+B"
    def plain(self):
        return super().plain() + "+B"
    @classmethod
    def plain_through_class(cls):
        return super().plain(B())
class C(B):
    @classmethod
    def make(cls, n):
        return "C+" + super().make(n)
print(B.make(1), C.make(5), B().make(2), B.helper(3), B().label, C().label, B().plain(), B.plain_through_class(), super(B, B()).count)
