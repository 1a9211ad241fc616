import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
a = torch.arange(6.).reshape(2, 3)
row = a[0]
pair = copy.deepcopy([a, row])
pair[0][0, 0] = 100.
print(pair[1], a[0])
print(pair[0] is a, pair[1].is_leaf)

t = torch.ones(2, requires_grad=True)
(t * 3).sum().backward()
u = copy.deepcopy(t)
print(u, u.grad, u.requires_grad, u.is_leaf)
u.grad[0] = 9.
print(t.grad)

p = nn.Parameter(torch.ones(2))
p.grad = torch.full((2,), 3.)
q = copy.deepcopy(p)
print(type(q).__name__, q, q.grad, q.requires_grad)
q.data[0] = 5.
print(p)

s = copy.copy(t)
s.data[1] = 7.
print(t, s.grad, s is t, s.requires_grad)
r = copy.copy(p)
print(type(r).__name__, r.data_ptr() == p.data_ptr())

b = torch.zeros(3)
b.note = [1, 2]
c = copy.deepcopy(b)
print(c.note, c.note is b.note, copy.copy(b).note is b.note)

memo = {}
x = copy.deepcopy(a, memo)
print(copy.deepcopy(a, memo) is x)

try:
    copy.deepcopy(t * 2)
except RuntimeError as e:
    print('RuntimeError:', e)
w = copy.copy(t * 2)
print(w.requires_grad, w.is_leaf, w.grad_fn)
