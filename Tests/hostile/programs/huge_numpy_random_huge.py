import numpy as np
print(np.random.rand(10**6, 10**6).shape)
