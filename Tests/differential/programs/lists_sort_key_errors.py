a = [3, 1, 2]
try:
    a.sort(key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("error", e, a)
print(sorted(a))
