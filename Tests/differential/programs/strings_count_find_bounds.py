s = "abcabcab"
print(s.count("a"), s.count("a", 1), s.count("ab", 1, 5), s.count("", 2), s.count("", 9), s.count("", 2, 1), s.count("a", -3), s.count("b", 0, -1), "".count(""), s.count("abc", -100, 100))
print(s.find("", 8), s.find("", 9), s.find("b", 2), s.rfind("", 8), s.rfind("", 20), s.find("c", -2), s.index("a", 2))
print("aaaa".count("aa"), s.startswith("b", 1), s.endswith("ab", 0, 8))
print("abc".startswith("", 5), "abc".endswith("", 4), "abc".startswith("", 3), "abc".endswith("c", 5, 9), "abc".startswith(("x", ""), 2, 1))
