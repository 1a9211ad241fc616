class Hostile:
    def __getattr__(self, name):
        return self.missing
print(Hostile().anything)
