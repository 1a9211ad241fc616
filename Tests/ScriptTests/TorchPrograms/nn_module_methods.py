import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(5, 3)
        self.rnn = nn.GRU(3, 4, batch_first=True)
        self.head = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))

    def forward(self, x):
        out, _ = self.rnn(self.emb(x))
        return self.head(out[:, -1])


torch.manual_seed(0)
net = Net()
params = net.parameters()
print(type(params).__name__, next(params).shape, len(list(params)))
print([n for n, _ in net.named_parameters()][:3], type(net.named_parameters()).__name__)
print([type(m).__name__ for m in net.modules()])
print([n for n, _ in net.named_modules()])
print([type(c).__name__ for c in net.children()], [n for n, _ in net.named_children()])
print(list(net.head.named_modules(prefix="head")))


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.constant_(m.weight, 0.5)
        nn.init.zeros_(m.bias)
        print("init", m)


print(net.apply(init_weights) is net)
print(net.head[0].weight)
print(net.requires_grad_(False) is net, all(not p.requires_grad for p in net.parameters()))
net.head.requires_grad_()
print([n for n, p in net.named_parameters() if p.requires_grad])
print(net.float() is net)
frozen = nn.Linear(2, 2).requires_grad_(False)
print(frozen.weight.requires_grad)
print(sum(p.numel() for p in net.parameters() if p.requires_grad), sum(p.numel() for p in net.parameters()))
