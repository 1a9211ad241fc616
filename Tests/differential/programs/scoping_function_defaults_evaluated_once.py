def append(x, bucket=[]):
    bucket.append(x)
    return bucket
print(append(1))
print(append(2))
print(append(3, []))
n = 5
def g(a=n):
    return a
n = 6
print(g())
