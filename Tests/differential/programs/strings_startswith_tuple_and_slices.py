print("filename.txt".endswith((".py", ".txt")), "abc".startswith("b", 1), "abc".startswith(("x", "a")))
print("abc".endswith("b", 0, 2), "abc"[10:], "abc"[-10:], "abc"[1:-1])
