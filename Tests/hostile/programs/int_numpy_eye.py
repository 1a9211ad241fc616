try:
    n = 2**63 - 1
    try:
        import numpy as np
        for shape in [(n, 0), (0, n), (3, n), (n, 3)]:
            try:
                print(np.eye(*shape).shape)
            except ValueError as e:
                print(e)
        print(np.eye(3, 3, n).sum())
    finally:
        print('max64', flush=True)
except Exception as e:
    print('max64', type(e).__name__, str(e)[:200])
try:
    n = -2**63
    try:
        import numpy as np
        for shape in [(n, 0), (0, n), (3, n), (n, 3)]:
            try:
                print(np.eye(*shape).shape)
            except ValueError as e:
                print(e)
        print(np.eye(3, 3, n).sum())
    finally:
        print('min64', flush=True)
except Exception as e:
    print('min64', type(e).__name__, str(e)[:200])
try:
    n = 2**63
    try:
        import numpy as np
        for shape in [(n, 0), (0, n), (3, n), (n, 3)]:
            try:
                print(np.eye(*shape).shape)
            except ValueError as e:
                print(e)
        print(np.eye(3, 3, n).sum())
    finally:
        print('past64', flush=True)
except Exception as e:
    print('past64', type(e).__name__, str(e)[:200])
try:
    n = 10**100
    try:
        import numpy as np
        for shape in [(n, 0), (0, n), (3, n), (n, 3)]:
            try:
                print(np.eye(*shape).shape)
            except ValueError as e:
                print(e)
        print(np.eye(3, 3, n).sum())
    finally:
        print('googol', flush=True)
except Exception as e:
    print('googol', type(e).__name__, str(e)[:200])
try:
    n = -10**100
    try:
        import numpy as np
        for shape in [(n, 0), (0, n), (3, n), (n, 3)]:
            try:
                print(np.eye(*shape).shape)
            except ValueError as e:
                print(e)
        print(np.eye(3, 3, n).sum())
    finally:
        print('neg_googol', flush=True)
except Exception as e:
    print('neg_googol', type(e).__name__, str(e)[:200])
