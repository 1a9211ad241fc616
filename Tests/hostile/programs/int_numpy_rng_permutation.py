try:
    n = 2**63 - 1
    try:
        import numpy as np
        print(np.random.default_rng(1).permutation(n).shape)
    finally:
        print('max64', flush=True)
except Exception as e:
    print('max64', type(e).__name__, str(e)[:200])
try:
    n = -2**63
    try:
        import numpy as np
        print(np.random.default_rng(1).permutation(n).shape)
    finally:
        print('min64', flush=True)
except Exception as e:
    print('min64', type(e).__name__, str(e)[:200])
try:
    n = 2**63
    try:
        import numpy as np
        print(np.random.default_rng(1).permutation(n).shape)
    finally:
        print('past64', flush=True)
except Exception as e:
    print('past64', type(e).__name__, str(e)[:200])
try:
    n = 10**100
    try:
        import numpy as np
        print(np.random.default_rng(1).permutation(n).shape)
    finally:
        print('googol', flush=True)
except Exception as e:
    print('googol', type(e).__name__, str(e)[:200])
try:
    n = -10**100
    try:
        import numpy as np
        print(np.random.default_rng(1).permutation(n).shape)
    finally:
        print('neg_googol', flush=True)
except Exception as e:
    print('neg_googol', type(e).__name__, str(e)[:200])
