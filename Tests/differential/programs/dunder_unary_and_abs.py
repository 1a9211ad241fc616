class U:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __abs__(self):
        return "abs"
print(-U(), +U(), abs(U()))
