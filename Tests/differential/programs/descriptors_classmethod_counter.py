class Counter:
    count = 0
    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count
class Sub(Counter):
    pass
print(Counter.bump(), Counter.bump(), Sub.bump(), Counter.count, Sub.count)
