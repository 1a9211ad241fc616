class Hostile:
    def __bool__(self):
        raise KeyError('bool')
print(list(filter(None, [Hostile()])), any([Hostile()]))
