print(float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-Infinity"), float("1_0.5"), float(".5"), float("5."))
print(float(3), float("nan") != float("nan"), float("  1E-2"))
for s in ["abc", "1.2.3", "", "1e"]:
    try:
        float(s)
    except ValueError as e:
        print(e)
