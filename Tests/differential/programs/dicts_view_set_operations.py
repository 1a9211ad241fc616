d = {"a": 1, "b": 2}
k = d.keys()
print(sorted(k - {"a"}), k & {"b", "z"} == {"b"}, sorted(k | ["q"]), sorted(k ^ ("a", "x")), sorted({"a", "c"} - k), sorted(["z"] | k) if False else 0)
print(sorted(d.items() - {("a", 1)}), sorted(d.items() & {("b", 2), ("b", 3)}))
try:
    d.values() - {1}
except TypeError as e:
    print("TypeError", e)
try:
    k - 3
except TypeError as e:
    print("TypeError", e)
try:
    3 - k
except TypeError as e:
    print("TypeError", e)
