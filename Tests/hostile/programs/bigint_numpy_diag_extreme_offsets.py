import numpy as np
for v in (np.ones(3), np.arange(9).reshape(3, 3)):
    for k in (2**62, -2**63, 2**63 - 1, 2**64, -2**64):
        try:
            np.diag(v, k)
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
