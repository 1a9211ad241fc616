import warnings

import torch

a = torch.zeros(2, 3)
a.copy_(torch.arange(3.))
print(a)
b = torch.zeros(3, dtype=torch.int64)
print(b.copy_(torch.tensor([1.7, -2.2, 3.9])))
x = torch.ones(3, requires_grad=True)
y = torch.zeros(3)
y.copy_(x * 2)
print(y.detach(), y.requires_grad)
y.sum().backward()
print(x.grad)
try:
    torch.zeros(2).copy_(torch.ones(3))
except RuntimeError as e:
    print(e)
q = torch.ones(3)
q.add_(torch.ones(3), alpha=torch.tensor(-0.25))
print(q, torch.ones(2).sub(torch.ones(2), alpha=torch.tensor(2.0)))
for bad in [torch.tensor([1., 2.]), torch.tensor([2.0]), 'x']:
    try:
        torch.ones(2).add(torch.ones(2), alpha=bad)
    except TypeError as e:
        print(e)
w = torch.ones(1, requires_grad=True)
loss = (w * 3).sum()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    with torch.no_grad():
        print(float(loss))
    print(len(caught))
    float(loss)
    print(len(caught))
