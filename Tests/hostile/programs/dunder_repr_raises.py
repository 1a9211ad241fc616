class Hostile:
    def __repr__(self):
        raise RuntimeError('repr failed')
print({'k': Hostile()})
