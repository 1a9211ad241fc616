nan = float("nan")
other = float("nan")
items = [nan, 1.0]
print(nan is nan, nan in items, items.count(nan), [nan] == [nan], (nan,) == (nan,), nan == nan)
d = {nan: "found"}
print(d[nan], nan in d, {nan} == {nan}, len({nan, nan}))
zero, negative = 0.0, -0.0
print(zero is negative, zero == negative, [zero] == [negative])
x = 2.5
print(x is x, [x] == [x], [nan, x] == [nan, x])
