class N:
    pass
n = N()
n.me = n
print(n.me.me.me is n)
