print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("[" + "ab".ljust(5, ".") + "]", "[" + "ab".rjust(5) + "]", "[" + "ab".center(7, "*") + "]", "[" + "ab".center(5) + "]")
