class Range3:
    def __iter__(self):
        yield 1
        yield 2
        yield 3
print(list(Range3()), sum(Range3()))
