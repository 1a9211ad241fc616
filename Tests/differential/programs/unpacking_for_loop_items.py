scores = {"ann": 3, "bob": 5}
for name, score in scores.items():
    print(name, score)
for i, (k, v) in enumerate(sorted(scores.items())):
    print(i, k, v)
