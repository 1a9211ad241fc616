s = "a,b,,c"
print(s.split(","), s.split(",", 1), s.rsplit(",", 1), " x  y ".split(), "".split(), "".split(","))
print("-".join(["a", "b"]), "".join([]), ", ".join("xyz"), "a\nb\r\nc".splitlines(), "a\nb\n".splitlines(True))
print("a b c".split(None, 1), "path/to/file.txt".rpartition("/"), "k=v=w".partition("="), "none".partition("x"))
