import numpy as np
X, Y = np.meshgrid(np.arange(10**5), np.arange(10**5))
print(X.shape)
