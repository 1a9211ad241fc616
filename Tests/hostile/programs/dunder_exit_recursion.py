class Hostile:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        with self:
            pass
with Hostile():
    pass
