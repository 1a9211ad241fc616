class Hostile:
    def __iter__(self):
        return object()
for v in Hostile():
    pass
