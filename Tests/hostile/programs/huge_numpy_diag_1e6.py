import numpy as np
print(np.diag(np.ones(10**6)).shape)
