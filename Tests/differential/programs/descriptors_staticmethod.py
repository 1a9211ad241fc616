class MathUtil:
    @staticmethod
    def add(a, b):
        return a + b
print(MathUtil.add(1, 2), MathUtil().add(3, 4))
