import torch
from torch.autograd import Variable
x = Variable(torch.ones(2, 3))
print(x, type(x) is torch.Tensor, x.requires_grad)
w = Variable(torch.tensor([1.0, 2.0]), requires_grad=True)
print(w, w.is_leaf, w.grad_fn)
y = (w * w).sum()
y.backward()
print(w.grad)
v = Variable(torch.ones(2), volatile=True)
print(v, v.requires_grad)
z = torch.ones(2, requires_grad=True) * 2
a = Variable(z)
a[0] = 5
print(z, a, a.grad_fn, a.is_leaf, a is z)
print(Variable(torch.ones(2), False).requires_grad, Variable(torch.ones(2), 1).requires_grad)
print(repr(Variable()))
print(torch.autograd.Variable(data=torch.zeros(1), requires_grad=True))
for bad in ([1, 2], "x"):
    try:
        Variable(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    Variable(torch.ones(2), foo=1)
except TypeError as e:
    print("TypeError", e)
try:
    Variable(torch.ones(2, dtype=torch.long), requires_grad=True)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    Variable(torch.ones(2), True, True)
except ValueError as e:
    print("ValueError", e)
