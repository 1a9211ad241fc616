count = 10
def show():
    return count * 2
print(show())
count = 11
print(show())
