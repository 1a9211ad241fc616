print(repr([1, "a", 2.0, None, True, (1,), (), [], {}, {"k": [1]}]))
print(str(("x", 'y"', "z'")), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\tnl\nback\\"), repr("\x00\x7f\u00e9\u4e2d"))
print([("a", 1)], {1: "one", "two": 2})
