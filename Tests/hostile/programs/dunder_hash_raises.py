class Hostile:
    def __hash__(self):
        raise ValueError('no hash')
d = {}
d[Hostile()] = 1
