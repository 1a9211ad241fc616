import torch
import torch.nn as nn
from torch.autograd import Variable

p = nn.Parameter(torch.ones(2))
print(type(p))
print(isinstance(p, torch.Tensor), isinstance(p, nn.Parameter), issubclass(nn.Parameter, torch.Tensor))
print(type(p).__name__, nn.Parameter)
m = nn.Linear(2, 1)
print(type(m.weight), type(m.weight * 2), type(m.weight.data), type(m.weight.detach()))
print(isinstance(torch.ones(1), nn.Parameter), isinstance(Variable(torch.ones(1)), torch.Tensor))
print(nn.Parameter(data=torch.zeros(1), requires_grad=False))
print([isinstance(x, nn.Parameter) for x in m.state_dict().values()])
x = torch.zeros(2, requires_grad=True)
y = x.clone()
y.copy_(torch.ones(2))
print(y.grad_fn.name())
z = torch.zeros(2)
z.copy_(x)
print(z.grad_fn.name(), z.requires_grad)
w = torch.zeros(3)
w[1:].copy_(x)
print(w.grad_fn.name())
with torch.no_grad():
    m.weight.copy_(torch.ones(1, 2))
print(m.weight.grad_fn, m.weight)
print(nn.Parameter())
