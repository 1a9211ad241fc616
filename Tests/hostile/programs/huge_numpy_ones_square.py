import numpy as np
print(np.ones((10**5, 10**5)).shape)
