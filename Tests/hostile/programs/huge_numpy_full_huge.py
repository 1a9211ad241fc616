import numpy as np
print(np.full((10**6, 10**6), 1.5).shape)
