class Hostile:
    @property
    def x(self):
        return self.x
print(Hostile().x)
