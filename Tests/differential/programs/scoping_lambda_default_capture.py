fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])
gs = [lambda: i * 10 for i in range(3)]
print([g() for g in gs])
