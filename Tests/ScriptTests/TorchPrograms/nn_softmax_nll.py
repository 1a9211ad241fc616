import torch
import torch.nn as nn
import torch.nn.functional as F

print(nn.Softmax(dim=1), nn.LogSoftmax(1), nn.Softmax(), nn.NLLLoss(), nn.NLLLoss(reduction="sum"), nn.LogSoftmax(dim=-1))
x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 0.0, -1.0]])
print(nn.Softmax(dim=1)(x))
print(nn.Softmax(dim=0)(x))
print(nn.Softmax()(x))
print(nn.LogSoftmax()(torch.tensor([1.0, 2.0])))
print(nn.LogSoftmax(dim=1)(x))
target = torch.tensor([2, 0])
print(nn.NLLLoss()(nn.LogSoftmax(dim=1)(x), target))
print(nn.NLLLoss(reduction="none")(F.log_softmax(x, dim=1), target))
print(nn.NLLLoss(reduction="sum")(F.log_softmax(x, dim=1), target))
print(nn.NLLLoss(ignore_index=0)(F.log_softmax(x, dim=1), target))
print(nn.NLLLoss()(F.log_softmax(x[0], dim=0), torch.tensor(1)))

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 3), nn.LogSoftmax(dim=1))
print(model)
criterion = nn.NLLLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
data = torch.randn(6, 3)
labels = torch.tensor([0, 1, 2, 1, 0, 2])
for step in range(5):
    optimizer.zero_grad()
    loss = criterion(model(data), labels)
    loss.backward()
    optimizer.step()
    print(step, round(loss.item(), 4))
print(model[0].weight.grad)
print(model(data).exp().sum(dim=1))

for bad in (lambda: nn.Softmax(dim=1)(x, x),
            lambda: nn.Softmax(2)(x),
            lambda: nn.NLLLoss(reduction="foo")(F.log_softmax(x, dim=1), target),
            lambda: nn.NLLLoss()(x),
            lambda: nn.NLLLoss()(x, torch.tensor([3, 0]))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
