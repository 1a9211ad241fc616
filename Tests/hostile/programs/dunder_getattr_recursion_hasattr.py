class Hostile:
    def __getattr__(self, name):
        return getattr(self, name)
print(hasattr(Hostile(), 'x'))
