import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import clip_grad_value_, parameters_to_vector, vector_to_parameters

x = torch.tensor([[0.2, -1.5, 3.0], [0.7, 0.1, -0.4]], requires_grad=True)
y = torch.tensor([[0.0, -1.0, 1.0], [1.0, 0.5, -0.2]])
p = torch.tensor([[0.1, 0.8, 0.5], [0.99, 0.3, 0.0]], requires_grad=True)
t = torch.tensor([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
for crit in (nn.L1Loss(), nn.L1Loss(reduction="sum"), nn.SmoothL1Loss(), nn.SmoothL1Loss(beta=0.5), nn.SmoothL1Loss(beta=0.0),
             nn.HuberLoss(), nn.HuberLoss(delta=2.0, reduction="none"), nn.BCEWithLogitsLoss(), nn.BCEWithLogitsLoss(reduction="sum")):
    x.grad = None
    loss = crit(x, y)
    print(crit, loss)
    loss.sum().backward()
    print(x.grad)
for crit in (nn.BCELoss(), nn.BCELoss(reduction="none")):
    p.grad = None
    loss = crit(p, t)
    print(crit, loss)
    loss.sum().backward()
    print(p.grad)
print(F.l1_loss(x, y), F.smooth_l1_loss(x, y, beta=2.0), F.huber_loss(x, y, delta=0.5))
print(F.binary_cross_entropy(p, t), F.binary_cross_entropy_with_logits(x, t, reduction="none"))
print(F.l1_loss(x, torch.tensor([1.0, 2.0, 3.0])))
yy = y.clone().requires_grad_()
F.smooth_l1_loss(x, yy).backward()
print(yy.grad)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Identity(), nn.Tanh(), nn.Flatten(0), nn.Identity())
print(model)
print(model(torch.randn(2, 3)).shape, nn.Flatten()(torch.zeros(2, 3, 4)).shape, nn.Flatten(1, 2)(torch.zeros(2, 3, 4, 5)).shape)
ident = nn.Identity()
z = torch.ones(2)
print(ident(z) is z)

net = nn.Linear(3, 2)
net(torch.randn(4, 3)).pow(2).sum().backward()
print(net.weight.grad)
clip_grad_value_(net.parameters(), clip_value=0.5)
print(net.weight.grad, net.bias.grad)
vec = parameters_to_vector(net.parameters())
print(vec.shape, vec.grad_fn.name())
vector_to_parameters(torch.arange(8.0), net.parameters())
print(net.weight, net.bias)
lstm = nn.LSTM(2, 3)
print(lstm.flatten_parameters())

for bad in (lambda: nn.BCELoss()(torch.tensor([1.5]), torch.tensor([1.0])),
            lambda: nn.BCELoss()(torch.tensor([0.5, 0.5]), torch.tensor([[1.0], [0.0]])),
            lambda: nn.BCEWithLogitsLoss()(torch.zeros(3), torch.zeros(2)),
            lambda: vector_to_parameters([1.0], net.parameters())):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
