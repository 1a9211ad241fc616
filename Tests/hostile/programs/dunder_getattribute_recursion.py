class Hostile:
    def __getattribute__(self, name):
        return self.__dict__[name]
print(Hostile().x)
