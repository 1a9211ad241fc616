import math
for f in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1)]:
    try:
        f()
    except ValueError as e:
        print(e)
math.sqrt(-4)
