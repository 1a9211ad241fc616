def loud(x):
    print("calling", x)
    return x
m = map(loud, [1, 2])
print("map created")
print(list(m))
