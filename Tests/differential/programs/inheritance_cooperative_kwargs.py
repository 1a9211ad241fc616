class Base:
    def __init__(self, **kw):
        self.extra = kw
class Left(Base):
    def __init__(self, left=0, **kw):
        super().__init__(**kw)
        self.left = left
class Right(Base):
    def __init__(self, right=0, **kw):
        super().__init__(**kw)
        self.right = right
class Both(Left, Right):
    pass
b = Both(left=1, right=2, other=3)
print(b.left, b.right, b.extra)
