name = "Ada"
n = 3
pi = 3.14159265
print(f"{name} has {n} items")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:^10.2f}|")
print(f"{n:05d} {n:+d} {-n:+d} {n:x} {255:X} {255:o} {5:b} {255:#x} {5:#b}")
print(f"{name!r} {name!s} {name:>6} {name:*^9} {name:.2}")
