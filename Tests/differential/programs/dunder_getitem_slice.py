class Show:
    def __getitem__(self, key):
        return key
s = Show()
print(s[1], s[1:2], s[::3], s[1, 2], s[:, 1])
