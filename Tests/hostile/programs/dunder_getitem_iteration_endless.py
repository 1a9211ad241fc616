class Hostile:
    def __getitem__(self, i):
        return i
for v in Hostile():
    if v > 100000:
        break
print(v)
