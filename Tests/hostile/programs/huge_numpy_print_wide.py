import numpy as np
x = np.arange(10**6)
print(x)
print(x.reshape(1000, 1000))
np.set_printoptions(threshold=10**7)
print(len(str(x)))
