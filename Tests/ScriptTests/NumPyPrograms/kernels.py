import numpy as np
# The vectorised loops: float32 exp (NumPy's own routine), max/min/argmax/argmin, and dot /
# matmul through BLAS (OpenBLAS on one thread), printed exactly.
g = np.random.default_rng(5)
for lo, hi in [(-1, 1), (-10, 10), (-90, 90), (-110, -80), (80, 90), (-1e-3, 1e-3)]:
    x = g.uniform(lo, hi, 20000).astype(np.float32)
    y = np.exp(x)
    print(lo, hi, float(y.astype(np.float64).sum()), y[:6].tolist(), y[-5:].tolist())
special = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 88.72283, 88.72284, -103.972, -103.973, -87.3, -87.4, -100.0, 1e-30], dtype=np.float32)
print(np.exp(special).tolist(), np.exp(np.arange(-3, 4, dtype=np.float32)).tolist())
for dtype in [np.float32, np.float64]:
    z = g.standard_normal(100003).astype(dtype)
    print(z.max(), z.argmax(), z.min(), z.argmin(), z[:99900].reshape(333, 300).max(axis=1)[:5].tolist())
    m = z[:100000].reshape(1000, 100)
    print(m.argmax(axis=1)[:10].tolist(), m.argmin(axis=0)[:10].tolist(), m.max(axis=0)[:3].tolist(), np.amin(m, axis=1)[:3].tolist())
    z[777] = np.nan
    print(z.max(), z.argmax(), z.min(), z.argmin())
    print(np.array([-0.0, 0.0], dtype=dtype).max(), np.array([0.0, -0.0], dtype=dtype).max(), np.array([0.0, -0.0], dtype=dtype).min(),
          np.array([-0.0, 0.0], dtype=dtype).argmax(), np.array([1.0], dtype=dtype).max(), np.array([3.0, 1, 1], dtype=dtype).argmin())
for n in [3, 17, 1000, 100003]:
    for dtype in [np.float64, np.float32]:
        v = g.standard_normal(n).astype(dtype)
        w = g.standard_normal(n).astype(dtype)
        print(n, dtype.__name__, float(np.dot(v, w)), float(v @ w), float(np.inner(v, w)))
A = g.standard_normal((37, 29))
B = g.standard_normal((29, 41))
x = g.standard_normal(29)
y = g.standard_normal(37)
for dtype in [np.float64, np.float32]:
    a, b, xx, yy = A.astype(dtype), B.astype(dtype), x.astype(dtype), y.astype(dtype)
    print(dtype.__name__, (a @ b).tolist()[5], (a @ xx).tolist(), (yy @ a).tolist(), np.dot(a, b)[0, 0], np.matmul(a.T, yy)[:3].tolist())
print(np.dot(np.ones((2, 0)), np.ones((0, 3))), np.ones((2, 3)) @ np.ones(3), np.arange(3.0) @ np.arange(3.0), np.dot(np.ones(0), np.ones(0)))
for dtype in [np.float64, np.float32]:
    c = g.standard_normal((30, 50)).astype(dtype)
    print((c @ c.T)[3].tolist()[:6], (c.T @ c)[7].tolist()[:6], np.dot(c, c.T)[29, 28], (c[:, :20].T @ c[:, :20])[2, :3].tolist())
# Strided views copied and reduced (whole rows, transposed tiles, negative steps), masks of the
# array's own shape, and the exact element-wise loops.
big = g.standard_normal((37, 53, 41)).astype(np.float32)
for view in [big.T, big[::-2, 3:, ::3], big.transpose(1, 0, 2), big.transpose(0, 2, 1), big[:, :, 5], big[..., ::-1], big[5].T[::-1]]:
    c = view.copy()
    print(c.shape, float(c.astype(np.float64).sum()), c.ravel()[:4].tolist(), c.ravel()[-3:].tolist(),
          view.max(axis=-1).ravel()[:3].tolist(), view.min(axis=0).ravel()[-3:].tolist())
for dtype in [np.float32, np.float64, np.int64, np.int32, np.uint8, bool]:
    x = (big[:4, :5, :6] * 10).astype(dtype)
    print(x[x > 1][:6].tolist(), x[x > 1].shape, x.T[x.T > 1][:4].tolist(), x[::-1][x[::-1] > 2].astype(np.int64).sum())
    print(np.abs(x[:2]).ravel()[:5].tolist() if dtype is not bool else "", np.square(x[0, 0]).tolist() if dtype is not bool else "")
for dtype in [np.float32, np.float64]:
    x = np.array([-2.5, -1.5, -0.5, -0.0, 0.0, 0.5, 1.5, 2.5, np.inf, -np.inf, np.nan, 1e-40, 3.4e38], dtype=dtype)
    for name in ["sqrt", "abs", "negative", "square", "floor", "ceil", "trunc", "rint", "sign"]:
        f = getattr(np, name)
        with np.errstate(all="ignore"):
            print(name, f(x).tolist(), f(x[::-2]).tolist())
