print(sum(x * x for x in range(10)))
print("-".join(str(n) for n in range(5)))
print(max((len(w), w) for w in "a bb ccc dd".split()))
