import numpy as np
print(np.outer(np.ones(10**6), np.ones(10**6)).shape)
