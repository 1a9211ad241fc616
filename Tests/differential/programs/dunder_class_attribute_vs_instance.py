class C:
    shared = []
    count = 0
a, b = C(), C()
a.shared.append(1)
a.count += 1
print(b.shared, a.count, b.count, C.count)
