import numpy as np
# out= on ufuncs, reductions, cumsum, round, clip, dot and outer, and the in-place operators
# (NumPy's ufuncs with the left operand as out): values, the array returned, writes through
# views, NumPy's casting and shape errors.
def show(f):
    try:
        v = f()
    except Exception as e:
        print(type(e).__name__ + ": " + str(e)); return
    print(repr(v))
a = np.arange(6.0).reshape(2, 3)
i = np.arange(6).reshape(2, 3)
o = np.zeros((2, 3)); oi = np.zeros((2, 3), dtype=int); of = np.zeros((2,3), dtype=np.float32)
show(lambda: np.add(a, 1, out=o))
show(lambda: np.add(a, 1, out=(o,)))
show(lambda: np.add(a, 1, out=(o,o)))
show(lambda: np.add(a, 1, out=[1]))
show(lambda: np.add(a, 1, out=oi))
show(lambda: np.add(i, 1, out=of))
show(lambda: np.add(a, 1, out=np.zeros(3)))
show(lambda: np.add(np.ones(3), 1, out=o))
show(lambda: np.add(1, 2, out=np.array(0)))
show(lambda: np.sqrt(a, out=o))
show(lambda: np.sqrt(i, out=oi))
show(lambda: np.sqrt(a, o))
show(lambda: np.sum(a, axis=0, out=np.zeros(3)))
show(lambda: np.sum(a, axis=0, out=np.zeros(3, dtype=int)))
show(lambda: np.sum(a, axis=0, out=np.zeros((1, 3))))
show(lambda: np.sum(a, axis=0, out=np.zeros(2)))
show(lambda: np.sum(a, out=np.zeros(())))
show(lambda: np.sum(a, out=np.zeros(1)))
show(lambda: np.sum(a, axis=0, keepdims=True, out=np.zeros((1, 3))))
show(lambda: a.sum(0, out=np.zeros(3)))
show(lambda: np.mean(a, axis=0, out=np.zeros(3, dtype=int)))
show(lambda: np.mean(a, axis=1, out=np.zeros(2)))
show(lambda: np.std(a, axis=1, out=np.zeros(2)))
show(lambda: np.max(a, axis=1, out=np.zeros(2)))
show(lambda: np.max(a, axis=1, out=np.zeros(2, dtype=int)))
show(lambda: np.argmax(a, axis=1, out=np.zeros(2, dtype=int)))
show(lambda: np.argmax(a, axis=1, out=np.zeros(2)))
show(lambda: np.argmax(a, axis=1, out=np.zeros(2, dtype=np.int32)))
show(lambda: np.cumsum(a, axis=1, out=np.zeros((2,3))))
show(lambda: np.cumsum(a, out=np.zeros((2,3))))
show(lambda: np.all(a, axis=0, out=np.zeros(3, dtype=bool)))
show(lambda: np.any(a, axis=0, out=np.zeros(3)))
show(lambda: np.clip(a, 1, 4, out=o))
show(lambda: np.clip(a, 1, 4, out=oi))
show(lambda: np.dot(a, a.T, out=np.zeros((2,2))))
show(lambda: np.dot(a, a.T, out=np.zeros((2,2), dtype=np.float32)))
show(lambda: np.matmul(a, a.T, out=np.zeros((2,2))))
show(lambda: np.maximum(a, 2, out=o))
show(lambda: np.round(a, 1, out=o))
show(lambda: np.prod(a, axis=1, out=np.zeros(2)))
show(lambda: np.min(i, axis=0, out=np.zeros(3)))
show(lambda: np.var(i, axis=0, out=np.zeros(3, dtype=np.float32)))
x = np.arange(4); v = x[::2]
np.multiply(v, 10, out=v); print(x)
x = np.array([1, 2])
def f():
    global x
    x += 1.5
show(f)
def g():
    global x
    x @= np.eye(2, dtype=int)
    return x
show(g)
y = np.ones(3); z = y
y -= 0.5; print(z)
y = np.ones(3)
def h():
    global y
    y += np.ones((2, 3))
show(h)
m = np.zeros((2,3)); m += np.arange(3); print(m)
s = np.array(1.0); s += 1; print(repr(s))
b = np.array([True, False]); 
def k():
    global b
    b += 1
show(k)
def k2():
    global b
    b |= True
    return b
show(k2)
u = np.array([1,2], dtype=np.uint8)
def k3():
    global u
    u += 300
show(k3)
def k4():
    global u
    u += np.array([1, 2])
    return u
show(k4)
show(lambda: np.add(a, 1, out=a[:, ::2]))
show(lambda: np.add(a, 1, out=np.zeros((2, 3), dtype=bool)))
show(lambda: np.negative(a, out=o))
show(lambda: np.isnan(a, out=np.zeros((2,3))))
a = np.arange(6.0).reshape(2, 3)
show(lambda: np.sum(a, axis=1, out=np.zeros(3)))
show(lambda: np.sum(a, axis=1, out=np.zeros(1)))
show(lambda: np.max(a, axis=1, out=np.zeros(3)))
show(lambda: np.mean(a, axis=1, out=np.zeros(3)))
show(lambda: np.mean(a, axis=1, out=np.zeros((3,3))))
show(lambda: np.std(a, axis=1, out=np.zeros((3,3))))
show(lambda: np.all(a, axis=1, out=np.zeros((3,3))))
show(lambda: np.prod(a, axis=1, out=np.zeros((3,3))))
show(lambda: np.argmax(a, axis=1, out=np.zeros(3, dtype=int)))
show(lambda: np.argmax(a, axis=1, out=np.zeros((2,1), dtype=int)))
show(lambda: np.argmax(a, out=np.zeros((), dtype=int)))
show(lambda: np.argmax(a, axis=1, out=np.zeros(2, dtype=np.uint8)))
show(lambda: np.argmax(a, axis=1, out=np.zeros(2, dtype=bool)))
show(lambda: np.dot(a, a.T, out=np.zeros((2,3))))
show(lambda: np.dot(a, a.T, out=np.zeros((2,))))
show(lambda: np.dot(a, a.T, out=np.zeros((4,4))[:2,:2]))
show(lambda: np.dot(a, a.T, out=[1]))
show(lambda: np.cumsum(a, axis=1, out=np.zeros((2,3), dtype=int)))
show(lambda: np.cumsum(a, axis=1, out=np.zeros((3,2))))
show(lambda: np.sum(a, axis=0, out=[1]))
show(lambda: np.mean(a, axis=0, out=np.zeros(3, dtype=bool)))
show(lambda: np.sum(a, axis=0, out=np.zeros(3, dtype=bool)))
show(lambda: a.max(axis=0, out=np.zeros(3, dtype=np.float32)))
show(lambda: np.round(a, 1, out=np.zeros((2,3), dtype=int)))
show(lambda: np.round(a, 1, out=np.zeros((3,3))))
show(lambda: np.clip(a, 1, 4, out=np.zeros(3)))
show(lambda: np.exp(a, out=np.zeros((2,3), dtype=np.float32)))
show(lambda: np.sum(np.arange(6).reshape(2,3), axis=0, out=np.zeros(3, dtype=np.uint8)))
show(lambda: np.add(a, 1, out=np.zeros((3, 2, 3))))
show(lambda: np.add(a, [1, 2, 3], out=np.zeros((4,))))
a = np.arange(6.0).reshape(2, 3) / 4
i = np.arange(6).reshape(2, 3)
show(lambda: np.round(a, out=np.zeros((2, 3), dtype=int)))
show(lambda: np.round(a, 0, out=np.zeros((2, 3), dtype=np.float32)))
show(lambda: np.round(i, 1, out=np.zeros((2, 3))))
show(lambda: np.round(i, 1, out=np.zeros((2, 3), dtype=bool)))
show(lambda: a.round(1, out=np.zeros((2, 3))))
show(lambda: np.sqrt(a, np.zeros((2,3)), out=np.zeros((2,3))))
show(lambda: np.outer([1, 2], [3, 4], out=np.zeros((2, 2))))
show(lambda: np.outer([1, 2], [3, 4], out=np.zeros((2, 2), dtype=bool)))
show(lambda: np.abs(i, out=np.zeros((2,3), dtype=np.uint8)))
show(lambda: np.abs(a, out=np.zeros((2,3), dtype=np.int32)))
show(lambda: np.maximum(i, 2, out=np.zeros((2,3), dtype=np.int32)))
show(lambda: np.clip(np.array([-0.0, 2.5]), 0, 2))
show(lambda: np.clip(np.array([-0.0, 2.5], dtype=np.float32), 0.0, 2))
show(lambda: np.clip(np.array([-0.0, 0.0, 2.0, np.nan]), 0.0, 2.0))
show(lambda: np.clip(np.array([-0.0, 0.0, 2.0, np.nan]), -0.0, np.array(2.0)))
show(lambda: np.clip(np.array([-0.0, 0.0, 2.0]), np.array([0.0, 0.0, 0.0]), 2.0))
show(lambda: np.clip(np.array([-0.0, 0.0, 2.0]), 0.0, None))
show(lambda: np.clip(-0.0, 0.0, 2.0))
show(lambda: np.clip(np.array([[-0.0]]), np.array([[0.0]]), 1))
for name in ["float64", "float32", "int64", "int32", "uint8", "bool"]:
    d = np.dtype(name)
    print(repr(d), type(d), type(d).__name__, isinstance(d, np.dtype), d == name)
try:
    np.round(np.array([True]), 1)
except TypeError as e:
    print(type(e).__name__, isinstance(e, TypeError), e)
# The update loop of the classic NumPy char-RNN: += through a loop variable updates the arrays
# in the lists, and a view shares the write.
rs = np.random.RandomState(1)
Wxh, Whh, bh = rs.randn(3, 2) * 0.01, rs.randn(3, 3) * 0.01, np.zeros((3, 1))
mWxh, mWhh, mbh = np.zeros_like(Wxh), np.zeros_like(Whh), np.zeros_like(bh)
row = Whh[0]
for step in range(3):
    dWxh, dWhh, dbh = rs.randn(3, 2), rs.randn(3, 3), rs.randn(3, 1)
    for dparam in [dWxh, dWhh, dbh]:
        np.clip(dparam, -1, 1, out=dparam)
    for param, dparam, mem in zip([Wxh, Whh, bh], [dWxh, dWhh, dbh], [mWxh, mWhh, mbh]):
        mem += dparam * dparam
        param += -0.1 * dparam / np.sqrt(mem + 1e-8)
print(Wxh.tolist(), Whh.tolist(), bh.tolist(), row.tolist(), mbh.tolist())
c = np.arange(10)
c[2:] += c[:-2]
print(c)
c[::3] *= -1
print(c)
c[c > 5] -= 100
print(c)
f = np.ones(4, dtype=np.float32)
f /= 3
f **= 2
print(f, f.dtype)
k = np.arange(5)
k //= 2
k %= 2
k <<= 3
k |= 1
print(k)
# where= on the ufuncs: only the chosen elements are computed (no warning from the others), the
# others keep out's values; the mask broadcasts with the operands; NumPy's reading of the mask.
import warnings
def record(f):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        show(f)
    for w in caught:
        print("  warning:", w.category.__name__, str(w.message))
x = np.array([4.0, -1.0, 0.0, 9.0])
d = np.array([2.0, 0.0, 0.0, 3.0])
record(lambda: np.divide(x, d, out=np.zeros(4), where=d != 0))
record(lambda: np.divide(x, d, out=np.full(4, -7.0), where=[True, False, False, True]))
record(lambda: np.sqrt(x, out=np.zeros(4), where=x >= 0))
record(lambda: np.log(x, out=np.full(4, np.nan), where=x > 0))
record(lambda: np.exp(np.array([1.0, 1000.0]), out=np.zeros(2), where=[True, False]))
record(lambda: np.floor_divide(np.arange(4), np.array([1, 0, 2, 0]), out=np.full(4, -1), where=np.array([1, 0, 2, 0]) != 0))
record(lambda: np.mod(np.arange(4), np.array([1, 0, 2, 0]), out=np.full(4, -1), where=np.array([True, False, True, False])))
with np.errstate(divide="raise", invalid="raise"):
    record(lambda: np.divide(np.array([1.0, 0.0]), np.array([0.0, 2.0]), out=np.ones(2), where=[False, True]))
for w in [True, False, None, 1, 0, 0.5, "x", [1, 0, 1, 0], (True, False, True, True), np.True_, np.False_, np.array(True),
          np.array([True, False, True, False]), np.array([1, 0, 1, 0]), np.array([1.0, 0, 1, 0]), np.float64(1.0)]:
    record(lambda: np.add(x, 1, out=np.zeros(4), where=w))
a2 = np.arange(6.0).reshape(2, 3)
record(lambda: np.add(a2, 1, out=np.zeros((2, 3)), where=np.array([[True], [False]])))
record(lambda: np.add(a2, 1, out=np.zeros((2, 3)), where=np.array([True, False, True])))
record(lambda: np.add(np.arange(3.0), 1, out=np.zeros((2, 3)), where=np.array([[True], [False]])))
record(lambda: np.add(np.arange(3.0), 1, out=np.zeros(3), where=np.array([[True], [False]])))
record(lambda: np.add(a2, 1, out=np.zeros((2, 3)), where=np.array([True, False])))
record(lambda: np.add(a2, np.ones(3), np.zeros((2, 3)), where=[True, False, True]))
record(lambda: np.add(a2, 1.5, out=np.zeros((2, 3), dtype=np.int64), where=a2 > 2))
record(lambda: np.add(np.arange(6).reshape(2, 3), 1, out=np.zeros((2, 3), dtype=np.float32), where=a2 > 2))
record(lambda: np.multiply(a2, a2, out=np.full((2, 3), 5.0), where=a2 % 2 == 0))
record(lambda: np.power(a2, 2, out=np.zeros((2, 3)), where=a2 > 0))
record(lambda: np.subtract(a2, 1, out=np.zeros((2, 3)), where=False))
record(lambda: np.maximum(a2, 2.5, out=np.full((2, 3), -1.0), where=a2 != 4))
record(lambda: np.minimum(a2, np.array([1.0, 10.0, 3.0]), out=np.zeros((2, 3)), where=[[True], [False]]))
record(lambda: np.negative(a2, out=np.zeros((2, 3)), where=a2 > 1))
record(lambda: np.isnan(np.array([np.nan, 1.0]), out=np.ones(2, dtype=bool), where=[False, True]))
record(lambda: np.sqrt(np.arange(4), out=np.zeros(4, dtype=np.float32), where=[True, False, True, False]))
record(lambda: np.matmul(a2, a2.T, where=True))
record(lambda: np.add(x, 1, out=None, where=x > 0)[x > 0])
record(lambda: np.add(x, 1, where=True))
record(lambda: np.add(x, 1, where=x > 0)[x > 0])
record(lambda: np.sin(x, where=np.array([True, True, False, True]))[[0, 1, 3]])
record(lambda: np.add(x, 1, where=x > 0).dtype)
record(lambda: np.add(x, 1, where=np.array([[True], [False]])).shape)
record(lambda: np.add(1, 2, where=np.array([True, True])))
record(lambda: np.add(x, 1, where=np.array([True, False])))
base = np.zeros((2, 4))
view = base[:, ::2]
record(lambda: np.add(a2[:, :2], 10, out=view, where=[[True, False], [False, True]]))
print(base)
m = np.arange(5.0)
np.subtract(m, 2, out=m, where=m > 2)
print(m)
