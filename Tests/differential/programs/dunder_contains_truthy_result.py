class Weird:
    def __contains__(self, x):
        return x
print(1 in Weird(), 0 in Weird(), "" in Weird())
