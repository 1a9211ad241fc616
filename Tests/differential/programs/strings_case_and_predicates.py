print("Hello World".lower(), "hi".upper(), "hello world".title(), "hELLO".capitalize(), "AbC".swapcase(), "ß".upper())
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace(), "".isspace())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "a1".isupper(), "x_1".isidentifier())
