import numpy as np
print((np.zeros((300000, 1)) + np.zeros((1, 300000))).shape)
