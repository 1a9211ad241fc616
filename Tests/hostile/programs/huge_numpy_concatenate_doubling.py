import numpy as np
x = np.ones(1)
while True:
    x = np.concatenate([x, x])
