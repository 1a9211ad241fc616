t = ()
for _ in range(300000):
    t = (t,)
print(len(t))
del t
