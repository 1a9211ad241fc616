class N:
    def __repr__(self):
        return f'N({self.other!r})'
a = N()
b = N()
a.other = b
b.other = a
print(a)
