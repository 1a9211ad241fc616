a = 10 ** 40
print(a > 2 ** 63, a == 10 ** 40, a < a + 1, hash(a) == hash(10 ** 40), a in {10 ** 40}, a == float(a) or "float differs")
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], sum(int(d) for d in str(2 ** 100)))
