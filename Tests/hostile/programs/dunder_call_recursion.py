class Hostile:
    def __call__(self):
        return self()
Hostile()()
