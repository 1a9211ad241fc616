import math
print(math.exp(10**5))
