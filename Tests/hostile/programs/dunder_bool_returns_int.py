class Hostile:
    def __bool__(self):
        return 1
if Hostile():
    print('yes')
