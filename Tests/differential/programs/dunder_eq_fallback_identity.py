class C:
    pass
a = C()
print(a == a, a == C(), a != C(), a in [C(), a], [a].index(a))
