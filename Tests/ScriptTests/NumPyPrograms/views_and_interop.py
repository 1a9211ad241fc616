import numpy as np
a = np.arange(12).reshape(3, 4)
v = a[1]
v[0] = 100
print(a)
r = a[::-1, ::2]
r[0, 0] = -1
print(a, r.shape)
t = a.T
t[0, 1] = 55
print(a)
a[a > 50] = 0
print(a)
a[[0, 2], [1, 3]] = 9
print(a)
a[:, 0] = [7, 8, 9]
print(a)
b = a.reshape(-1)
b[0] = 1234
print(a[0])
a[0] = 2.9
print(a[0])
c = np.zeros((2, 3))
c[0] = np.array([1, 2, 3])
c[:, 1] += 5
print(c)
c[1, :] = 4
print(c)
try:
    c[0] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
d = np.arange(10)
d[2:8:3] = [-1, -2]
print(d)
m = np.arange(24).reshape(2, 3, 4)
print(m[:, [0, 2], 1])
print(m[[0, 1], :, [1, 2]])
print(m[1, ..., ::-2])
print(m[np.array([[0], [1]]), np.array([0, 2])])
print(m[m % 5 == 0])
x = np.linspace(0, 2 * np.pi, 8)
print(np.sin(x).round(3))
import torch
arr = np.ones((2, 2), dtype=np.float32)
ten = torch.from_numpy(arr)
ten.add_(1)
print(arr, ten.dtype)
back = ten.numpy()
back[0, 0] = 9
print(ten)
copy = torch.tensor(arr)
arr[1, 1] = -1
print(copy, arr)
print(torch.from_numpy(np.arange(3)).float())
print(torch.tensor(np.array([1.5, 2.5])).dtype, torch.tensor(np.array([1, 2], dtype=np.int32)).dtype)
w = torch.ones(2, requires_grad=True)
try:
    w.numpy()
except RuntimeError as e:
    print("RuntimeError:", e)
print(w.detach().numpy())
out = torch.tensor([[[0.1, 0.7, 0.2], [0.9, 0.05, 0.05]]])
print(out.data.numpy().argmax(axis=2))
for row in np.arange(6).reshape(3, 2):
    print(row, row.sum())
print([float(v) for v in np.array([0.5, 1.5])], int(np.int64(3)), bool(np.array([1])))
np.set_printoptions(precision=3, suppress=True)
print(np.array([1.23456789, 1e-10, 100.5]))
np.set_printoptions(precision=8, suppress=False, threshold=5)
print(np.arange(10), repr(np.arange(10.0)))
np.set_printoptions(threshold=1000)
