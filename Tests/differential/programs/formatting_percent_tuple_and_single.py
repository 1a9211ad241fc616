print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True), "%r" % (None,))
print("%.3s|%5s|%-5s|" % ("abcdef", "ab", "ab"))
print("%i %d %d" % (3.9, -3.9, True))
