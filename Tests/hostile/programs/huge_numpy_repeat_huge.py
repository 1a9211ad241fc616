import numpy as np
print(np.repeat(np.ones(3), 10**12).shape)
