import numpy as np
x = np.arange(10)
print(x[np.zeros((10**5, 1), dtype=int), np.zeros((1, 10**5), dtype=int)].shape)
