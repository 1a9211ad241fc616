import numpy as np
for shape in [(2**31, 3), (3, 2**40), (10**6, 10**6), (2**20, 2**20, 1000), (1023 * 2**20 + 2**19, 1024), (2**50, 2**10), (999 * 2**20, 2**10)]:
    try:
        np.zeros(shape, dtype=np.float32)
    except MemoryError as e:
        print(e)
a = np.zeros((2**31, 0), dtype=np.float32)
try:
    a @ np.zeros((0, 3), dtype=np.float32)
except MemoryError as e:
    print(e)
print((a @ np.zeros((0, 0), dtype=np.float32)).shape)
