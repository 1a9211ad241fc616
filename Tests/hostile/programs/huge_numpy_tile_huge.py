import numpy as np
print(np.tile(np.ones(2), (10**6, 10**6)).shape)
