print("a\tb".expandtabs(4), "hello".center(11, "="), "x".ljust(3) + "|", "abc"[::-1], "abc".upper().lower())
print(str(123).rjust(6, "0"), "-".join(reversed("abc")), ord(max("hello")), min("hello"))
