import numpy as np
import os
path = "/tmp/recur_numpy_fixture.npy"
for a in [np.arange(6).reshape(2, 3), np.array([1.5, -2.0], dtype=np.float32), np.array([[True], [False]]),
          np.array(7, dtype=np.int32), np.zeros((0, 2), dtype=np.uint8), np.linspace(0, 1, 5)[::2]]:
    np.save(path, a)
    raw = open(path, "rb").read()
    print(len(raw), raw[:10], raw[-8:])
    b = np.load(path)
    print(repr(b), b.dtype, b.shape, np.array_equal(a, b))
np.save("/tmp/recur_numpy_fixture", np.arange(3))
print(np.load(path))
os.remove(path)
with open("/tmp/recur_numpy_fixture.csv", "w") as f:
    f.write("# x,y\n1,2.5\n3,4\n\n5,-6e-3\n")
print(repr(np.loadtxt("/tmp/recur_numpy_fixture.csv", delimiter=",")))
print(repr(np.loadtxt("/tmp/recur_numpy_fixture.csv", delimiter=",", usecols=(1,))))
print(repr(np.genfromtxt("/tmp/recur_numpy_fixture.csv", delimiter=",", skip_header=1)))
os.remove("/tmp/recur_numpy_fixture.csv")
import gzip
with gzip.open("/tmp/recur_numpy_fixture.csv.gz", "wt") as f:
    f.write("1,2\n3,4.5\n")
print(repr(np.loadtxt("/tmp/recur_numpy_fixture.csv.gz", delimiter=",", dtype=np.float32)))
os.remove("/tmp/recur_numpy_fixture.csv.gz")
rs = np.random.RandomState(123)
print(rs.rand(3), rs.randn(2, 2), rs.randint(0, 100, size=5), rs.normal(size=3))
print(rs.choice(10, 4, replace=False), rs.permutation(5), rs.uniform(1, 2, 2), rs.random_sample())
items = list(range(8))
rs.shuffle(items)
print(items)
grid = np.arange(12).reshape(4, 3)
np.random.seed(2024)
np.random.shuffle(grid)
print(grid)
np.random.seed(0)
print(np.random.randn(7), np.random.rand(), np.random.randint(5), np.random.standard_normal((2,)))
print([np.random.randint(0, 2**31) for _ in range(3)], np.random.randint(-(2**40), 2**40, 2))
print(np.split(np.arange(6), 3), np.array_split(np.arange(7), 3), np.split(np.arange(8), [2, 5]))
print(np.split(np.arange(12).reshape(3, 4), 2, axis=1))
try:
    np.split(np.arange(5), 2)
except ValueError as e:
    print("ValueError:", e)
print(np.tile(np.array([1, 2]), 3), np.tile(np.array([[1, 2]]), (2, 2)), np.tile(np.arange(3), (2, 1)))
print(np.repeat(np.array([1, 2]), 2), np.repeat(np.array([[1, 2], [3, 4]]), [1, 2], axis=0), np.repeat(3, 4))
X, Y = np.meshgrid(np.arange(3), np.array([10, 20]))
print(X, Y, X.shape)
I, J = np.meshgrid([1, 2], [3, 4, 5], indexing="ij")
print(I, J)
