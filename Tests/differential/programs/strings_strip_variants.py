print(repr("  pad  ".strip()), repr("xxhixx".strip("x")), repr("..a..".lstrip(".")), repr("ab\n".rstrip()))
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "abc".removeprefix("z"))
