import numpy as np
print(np.eye(10**6).shape)
