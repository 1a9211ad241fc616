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
# Comparisons in vector lanes: every predicate over NaN, infinities and signed zeros, array
# against array, against a number on either side, and lengths around the vector widths.
h = np.random.default_rng(11)
values = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, 2.5, 1e-45, -3.0])
for dtype in [np.float32, np.float64]:
    for n in [1, 3, 4, 7, 8, 15, 16, 17, 31, 33, 64, 100]:
        a = h.choice(values, n).astype(dtype)
        b = h.choice(values, n).astype(dtype)
        print(dtype.__name__, n, [np.nonzero(r)[0].tolist() for r in [a == b, a != b, a < b, a <= b, a > b, a >= b]])
        print([np.nonzero(r)[0].tolist() for r in [a == 0, a != 1.0, a < 1, 0 <= a, a > -np.inf, np.nan >= a, a[:1] > b, a <= b[-1:]]])
    m = h.standard_normal((300, 301)).astype(dtype)
    print(int((m > 0).sum()), int((m <= m[0]).sum()), int((m == m[::-1]).sum()), int((m != m).sum()), (m[5] >= 0.5).tolist()[:20])
# argmax/argmin over several chunks: the first of equal extremes in different chunks, a NaN
# after the extreme, the extreme in the last partial chunk.
for dtype in [np.float32, np.float64]:
    z = h.standard_normal(200003).astype(dtype)
    z[150000] = 10; z[190000] = 10; z[40000] = -10; z[120000] = -10
    print(z.argmax(), z.argmin(), z[:150000].argmax(), z[1:].argmin())
    z[200002] = 11
    print(z.argmax(), z[::-1].argmax(), z[:199997].reshape(7, 28571)[:, :-1].argmax(axis=1).tolist())
    try:
        z.reshape(7, 28573)
    except ValueError as e:
        print(e)
    z[170000] = np.nan
    print(z.argmax(), z.argmin(), z[:170000].argmax(), z[170001:].argmin())
# float32 sin and cos: NumPy's own routine (Cody-Waite reduction and polynomials with fused
# multiply-adds; the C library's sinf and cosf past the reduction's range), printed exactly.
for lo, hi in [(-4, 4), (-100, 100), (-2e5, 2e5), (-1e-3, 1e-3)]:
    x = h.uniform(lo, hi, 20000).astype(np.float32)
    for name, f in [("sin", np.sin), ("cos", np.cos)]:
        y = f(x)
        print(name, lo, hi, float(y.astype(np.float64).sum()), y[:5].tolist(), f(x[::-7])[:3].tolist())
special32 = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-30, -1e-45, 71476.0625, 71476.07, 117435.992, 117436.0,
                      3.14159265, 1.5707964, -4.712389], dtype=np.float32)
with np.errstate(all="ignore"):
    print(np.sin(special32).tolist(), np.cos(special32).tolist())
# float64 exp: NumPy's AVX512F routine (Tang's table) where the processor has AVX512F; NumPy on
# such machines may call SVML, whose last bit differs from it for a few percent of inputs, so
# values print to 15 digits and the special cases exactly.
for lo, hi in [(-1, 1), (-20, 20), (-700, 700), (-1e-10, 1e-10), (-745.2, -700), (700, 709.8)]:
    x = h.uniform(lo, hi, 10007)
    y = np.exp(x)
    print(lo, hi, f"{float(y.sum() / 10007):.14e}", [f"{v:.15g}" for v in y[:4].tolist()], [f"{v:.15g}" for v in y[-3:].tolist()])
special = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-300, -1e-17, 5e-17, 709.78, 709.79, 710.0, -745.1, -745.2, -1000.0, 1.0, -1.0])
with np.errstate(all="ignore"):
    print(np.exp(special).tolist(), np.exp(special[::-3]).tolist(), np.exp(np.arange(-3, 4)).tolist())
