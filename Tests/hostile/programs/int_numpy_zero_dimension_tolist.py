try:
    n = 2**63 - 1
    try:
        import numpy as np
        try:
            print(np.zeros((abs(n) // 8 or 1, 0)).tolist()[:1])
        except (ValueError, MemoryError) as e:
            print(type(e).__name__)
    finally:
        print('max64', flush=True)
except Exception as e:
    print('max64', type(e).__name__, str(e)[:200])
try:
    n = -2**63
    try:
        import numpy as np
        try:
            print(np.zeros((abs(n) // 8 or 1, 0)).tolist()[:1])
        except (ValueError, MemoryError) as e:
            print(type(e).__name__)
    finally:
        print('min64', flush=True)
except Exception as e:
    print('min64', type(e).__name__, str(e)[:200])
try:
    n = 2**63
    try:
        import numpy as np
        try:
            print(np.zeros((abs(n) // 8 or 1, 0)).tolist()[:1])
        except (ValueError, MemoryError) as e:
            print(type(e).__name__)
    finally:
        print('past64', flush=True)
except Exception as e:
    print('past64', type(e).__name__, str(e)[:200])
try:
    n = 10**100
    try:
        import numpy as np
        try:
            print(np.zeros((abs(n) // 8 or 1, 0)).tolist()[:1])
        except (ValueError, MemoryError) as e:
            print(type(e).__name__)
    finally:
        print('googol', flush=True)
except Exception as e:
    print('googol', type(e).__name__, str(e)[:200])
try:
    n = -10**100
    try:
        import numpy as np
        try:
            print(np.zeros((abs(n) // 8 or 1, 0)).tolist()[:1])
        except (ValueError, MemoryError) as e:
            print(type(e).__name__)
    finally:
        print('neg_googol', flush=True)
except Exception as e:
    print('neg_googol', type(e).__name__, str(e)[:200])
