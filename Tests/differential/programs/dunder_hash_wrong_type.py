class Bad:
    def __hash__(self):
        return "nope"
hash(Bad())
