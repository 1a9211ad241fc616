s = "hello world, hello"
print(s.find("hello"), s.rfind("hello"), s.find("zz"), s.find("o", 5), s.find("o", 5, 7), s.index("world"))
print(s.count("l"), s.count("hello"), s.count(""), "aaaa".count("aa"), s.startswith("hell"), s.endswith(("x", "llo")))
s.index("zz")
