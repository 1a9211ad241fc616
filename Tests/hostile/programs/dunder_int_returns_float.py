class Hostile:
    def __int__(self):
        return 1.5
print(int(Hostile()))
