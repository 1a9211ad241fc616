class C:
    def __format__(self, s):
        return '{}'.format(self)
print('{}'.format(C()))
