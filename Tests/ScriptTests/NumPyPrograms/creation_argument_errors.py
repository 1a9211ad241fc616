# np.arange, np.full and np.full_like given arguments of the wrong kind or shape: NumPy's
# errors (these indexed out of range or hung before).
import numpy as np
cases = ["np.arange(0, [])", "np.arange(0, [1, 2])", "np.arange([1, 2])", "np.arange(0, 5, [1])", "np.arange(0.5, 5, [1])",
         "np.arange(np.array(3))", "np.arange(0, (1,))", "np.arange(0, np.array([1, 2]))", "np.arange(np.array([4]))",
         "np.full((2, 3), [1, 2])", "np.full((2, 3), np.ones((3, 3)))", "np.full_like(np.zeros((2, 2)), [1, 2, 3])",
         "np.full((2,), np.ones((1, 1)))", "np.full(0, np.ones((2, 3)))", "np.full_like(np.zeros(()), [])",
         "np.full_like(np.zeros(()), [1, 2])", "np.full((2, 3), [1, 2, 3])", "np.full((2, 3), [[1], [2]])", "np.full((), 5)"]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "!", type(e).__name__, e)
