print(list("ab"), list((1, 2)), list({"k": 1}), list(range(3)), tuple([1]), tuple("xy"))
print(dict([("a", 1), ("b", 2)]), dict(a=1), dict({"x": 0}, y=1), set("aab") == {"a", "b"})
print(list(), tuple(), dict(), str(), int(), float(), bool())
