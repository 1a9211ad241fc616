a = [1, 2]
a[1] = "b"
print(a)
a[2] = "c"
