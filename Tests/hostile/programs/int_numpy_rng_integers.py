try:
    n = 2**63 - 1
    try:
        import numpy as np
        g = np.random.default_rng(abs(n))
        print(g.integers(0, n, 3) if n > 0 else g.integers(n, 0, 3))
    finally:
        print('max64', flush=True)
except Exception as e:
    print('max64', type(e).__name__, str(e)[:200])
try:
    n = -2**63
    try:
        import numpy as np
        g = np.random.default_rng(abs(n))
        print(g.integers(0, n, 3) if n > 0 else g.integers(n, 0, 3))
    finally:
        print('min64', flush=True)
except Exception as e:
    print('min64', type(e).__name__, str(e)[:200])
try:
    n = 2**63
    try:
        import numpy as np
        g = np.random.default_rng(abs(n))
        print(g.integers(0, n, 3) if n > 0 else g.integers(n, 0, 3))
    finally:
        print('past64', flush=True)
except Exception as e:
    print('past64', type(e).__name__, str(e)[:200])
try:
    n = 10**100
    try:
        import numpy as np
        g = np.random.default_rng(abs(n))
        print(g.integers(0, n, 3) if n > 0 else g.integers(n, 0, 3))
    finally:
        print('googol', flush=True)
except Exception as e:
    print('googol', type(e).__name__, str(e)[:200])
try:
    n = -10**100
    try:
        import numpy as np
        g = np.random.default_rng(abs(n))
        print(g.integers(0, n, 3) if n > 0 else g.integers(n, 0, 3))
    finally:
        print('neg_googol', flush=True)
except Exception as e:
    print('neg_googol', type(e).__name__, str(e)[:200])
