import torch

t = torch.tensor([1, 2, 3])
alias = t
print(t.unsqueeze_(-1).shape, alias.shape, alias is t)
print(t)
print(t.squeeze_().shape, t)
m = torch.arange(6.).view(2, 3)
v = m[0]
print(m.t_(), m.shape, m.stride(), m.is_contiguous())
m[0, 1] = 10
print(v)
print(m.transpose_(0, 1).shape, m.stride(), m)
x = torch.zeros(1, 3, 1)
print(x.squeeze_(0).shape, x.squeeze_(-1).shape)
y = torch.ones(2, 1)
y.unsqueeze_(0).mul_(3)
print(y, y.sum())
w = torch.ones(2, requires_grad=True)
try:
    w.unsqueeze_(0)
except RuntimeError as e:
    print("RuntimeError", e)
with torch.no_grad():
    w.unsqueeze_(0)
print(w.shape, w.requires_grad)
try:
    torch.ones(2, 3, 4).t_()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.ones(2).unsqueeze_(5)
except IndexError as e:
    print("IndexError", e)
