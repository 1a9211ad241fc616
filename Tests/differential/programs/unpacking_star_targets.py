first, *middle, last = range(6)
print(first, middle, last)
*init, tail = [1]
print(init, tail)
head, *rest = "hello"
print(head, rest)
a, *b = (1,)
print(a, b)
