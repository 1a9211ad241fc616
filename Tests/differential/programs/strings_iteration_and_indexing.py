s = "python"
print([c for c in s], s[0], s[-1], list(enumerate(s))[:2], s[len(s) - 1])
for i, c in enumerate("ab"):
    print(i, c)
