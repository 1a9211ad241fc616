class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(Seq())))
class R:
    def __reversed__(self):
        return iter([3, 2, 1])
print(list(reversed(R())))
