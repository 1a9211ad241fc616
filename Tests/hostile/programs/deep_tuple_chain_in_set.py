t = ()
for _ in range(100000):
    t = (t,)
print(t in {t})
