groups = {}
for word in ["ant", "bee", "ape", "bat", "cow"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
print({k: len(v) for k, v in groups.items()})
