class P:
    def __eq__(self, other):
        return True
print(P.__hash__ is None)
hash(P())
