class Hostile:
    def __iter__(self):
        return self
    def __next__(self):
        return self
for i, v in enumerate(Hostile()):
    if i > 100000:
        break
print(i)
