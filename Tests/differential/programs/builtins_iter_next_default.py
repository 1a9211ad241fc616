it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
s = iter("ab")
print(list(s), list(s))
