class Hostile:
    def __bool__(self):
        return bool(self)
while Hostile():
    break
