def src():
    print("source evaluated")
    return [1, 2]
g = (x for x in src())
print("created")
print(list(g))
