class Bad:
    def __iter__(self):
        return 5
iter(Bad())
