pairs = ((a, b) for a in range(4) for b in range(a) if (a + b) % 2)
print(list(pairs))
