def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(30))
print(fact(100))
import math
print(math.factorial(25) == fact(25))
