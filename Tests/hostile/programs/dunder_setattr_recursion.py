class Hostile:
    def __setattr__(self, name, value):
        setattr(self, name, value)
h = Hostile()
h.x = 1
