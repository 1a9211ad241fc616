import numpy as np
print(np.zeros(10**10).shape)
