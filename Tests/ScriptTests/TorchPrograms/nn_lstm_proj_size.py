import torch
import torch.nn as nn

torch.manual_seed(0)
m = nn.LSTM(3, 4, num_layers=2, proj_size=2, bidirectional=True)
print(m, m.proj_size)
for n, p in m.named_parameters():
    print(n, tuple(p.shape))
x = torch.randn(5, 2, 3, requires_grad=True)
o, (h, c) = m(x)
print(o.shape, h.shape, c.shape, o.grad_fn.name(), h.grad_fn.name(), c.grad_fn.name())
print(o[-1])
print(h)
print(c)
(o.pow(2).sum() + h.sum() + c.sum()).backward()
print(m.weight_hr_l1_reverse.grad.round(decimals=4))
print(m.weight_hh_l0.grad.round(decimals=4))
print(x.grad[0].round(decimals=4))

m = nn.LSTM(3, 4, proj_size=2, batch_first=True)
h0 = torch.randn(1, 2, 2)
c0 = torch.randn(1, 2, 4)
o, (h, c) = m(torch.randn(2, 5, 3), (h0, c0))
print(o.grad_fn.name(), h.grad_fn.name(), o.shape, o.stride())
print(o[:, -1], h)
o, (h, c) = m(torch.randn(5, 3))
print(o.grad_fn.name(), h.grad_fn.name(), o.shape, h.shape, c.shape)

torch.manual_seed(1)
m = nn.LSTM(4, 6, num_layers=3, proj_size=3, dropout=0.5)
o, (h, c) = m(torch.randn(4, 2, 4))
print(o.sum().item() != 0, h.shape, c.shape)
o.sum().backward()
print(m.weight_ih_l1.grad.shape, m.weight_ih_l2.grad.abs().sum() > 0)
m.eval()
with torch.no_grad():
    a, _ = m(torch.ones(4, 2, 4))
    b, _ = m(torch.ones(4, 2, 4))
print(torch.equal(a, b), a[0])

for a in [dict(proj_size=-1), dict(proj_size=4), dict(proj_size=5)]:
    try:
        nn.LSTM(3, 4, **a)
    except ValueError as e:
        print('ValueError:', e)
for layer in (nn.GRU, nn.RNN):
    try:
        layer(3, 4, proj_size=1)
    except ValueError as e:
        print('ValueError:', e)
m = nn.LSTM(3, 4, proj_size=2, batch_first=True)
try:
    m(torch.randn(2, 5, 3), (torch.zeros(1, 2, 4), torch.zeros(1, 2, 4)))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    m(torch.randn(2, 5, 3), (torch.zeros(1, 2, 2), torch.zeros(1, 2, 2)))
except RuntimeError as e:
    print('RuntimeError:', e)
print(list(m.state_dict().keys()))
