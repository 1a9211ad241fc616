try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError:", e)
import math
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
