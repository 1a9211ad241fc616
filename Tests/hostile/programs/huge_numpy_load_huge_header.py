import os
import numpy as np
with open('hostile.npy', 'wb') as f:
    f.write(b"\x93NUMPY\x01\x00\x46\x00{'descr': '<f8', 'fortran_order': False, 'shape': (10000000000000,), }  \n")
try:
    print(np.load('hostile.npy').shape)
finally:
    os.remove('hostile.npy')
