items = []
def add(v):
    items.append(v)
add(1); add(2)
print(items)
