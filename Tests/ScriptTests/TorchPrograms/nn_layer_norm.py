import torch
import torch.nn as nn
import torch.nn.functional as F


def r(t):
    return [round(v, 4) + 0.0 for v in t.detach().flatten().tolist()]


torch.manual_seed(0)
ln = nn.LayerNorm(4)
print(ln, nn.LayerNorm([3, 4], eps=1e-3, elementwise_affine=False), nn.LayerNorm((2, 3), bias=False))
print([(n, tuple(p.shape)) for n, p in ln.named_parameters()], [n for n, _ in nn.LayerNorm(3, bias=False).named_parameters()])
x = torch.randn(2, 3, 4, requires_grad=True)
y = ln(x)
print(y.grad_fn.name(), r(y))
with torch.no_grad():
    ln.weight.mul_(torch.tensor([1.0, 2.0, -1.0, 0.5]))
    ln.bias.add_(0.1)
y = ln(x)
(y * torch.arange(24.0).view(2, 3, 4)).sum().backward()
print(r(x.grad), r(ln.weight.grad), r(ln.bias.grad))
x.grad = None
z = F.layer_norm(x, (3, 4), eps=1e-3)
(z ** 3).sum().backward()
print(r(z), r(x.grad))
w = torch.randn(3, 4, requires_grad=True)
F.layer_norm(x, [3, 4], weight=w).sum().backward()
print(r(w.grad))

torch.manual_seed(1)
model = nn.Sequential(nn.Linear(3, 8), nn.LayerNorm(8), nn.Tanh(), nn.Linear(8, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.05)
data, target = torch.randn(10, 3), torch.randn(10, 2)
for step in range(5):
    opt.zero_grad()
    loss = F.mse_loss(model(data), target)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(model)

for bad in (lambda: nn.LayerNorm(5)(torch.zeros(2, 4)),
            lambda: F.layer_norm(torch.zeros(2, 4), (4,), weight=torch.ones(3))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
