import torch
import torch.nn as nn


class Mixture(nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = nn.ParameterList([nn.Parameter(torch.ones(2, 3)), nn.Parameter(torch.zeros(3))])
        self.weights.append(nn.Parameter(torch.full((2,), 0.5)))

    def forward(self, x):
        return (x @ self.weights[0]).sum() + self.weights[1].sum() + self.weights[-1].sum()


m = Mixture()
print(m)
print(m.weights)
print([n for n, _ in m.named_parameters()], len(m.weights), [tuple(p.shape) for p in m.weights])
m(torch.ones(4, 2)).backward()
print(m.weights[0].grad, m.weights[2].grad)
print(list(m.state_dict().keys()))
pl = nn.ParameterList()
print(pl, len(pl))
pl.extend([nn.Parameter(torch.randn(1))])
print(len(pl), pl[0].requires_grad)
opt = torch.optim.SGD(m.parameters(), lr=0.1)
print(len(opt.param_groups[0]["params"]))
plain = nn.ParameterList([torch.zeros(2)])
plain.append(torch.ones(1))
print(plain[0].requires_grad, plain[1].requires_grad, plain)
for bad in (lambda: plain[5],):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
