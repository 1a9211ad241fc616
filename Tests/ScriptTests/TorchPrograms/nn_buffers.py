import io

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.register_buffer('running', torch.zeros(2))
        self.register_buffer('steps', torch.tensor(0))
        self.register_buffer('scratch', torch.ones(3), persistent=False)
        self.register_buffer('nothing', None)

    def forward(self, x):
        self.steps += 1
        self.running = self.running * 0.9 + x.mean(0) * 0.1
        return self.fc(x) + self.running


torch.manual_seed(0)
net = Net()
print(list(net.state_dict().keys()))
print([n for n, _ in net.named_buffers()])
print(len(list(net.buffers())), net.nothing)
out = net(torch.ones(4, 2))
print(net.steps, net.running)
print(net.state_dict()['running'])
print(net.state_dict()._metadata)
other = Net()
print(other.load_state_dict(net.state_dict()))
print(other.steps, other.running)
print(net.to('cpu') is net)
print([n for n, _ in net.named_buffers(prefix='m')])


class Outer(nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Net()
        self.register_buffer('scale', torch.tensor([2.0]))


o = Outer()
print(list(o.state_dict().keys()))
print([n for n, _ in o.named_buffers()])
print([n for n, _ in o.named_buffers(recurse=False)])
for bad in [lambda: net.register_buffer('a.b', torch.ones(1)), lambda: net.register_buffer('', torch.ones(1)),
            lambda: net.register_buffer('fc', torch.ones(1)), lambda: net.register_buffer('x', 5),
            lambda: net.register_buffer(3, torch.ones(1))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    net.running = 3
except TypeError as e:
    print(e)
net.running = None
print([n for n, _ in net.named_buffers()], 'running' in net.state_dict())
print(other.load_state_dict({'fc.weight': torch.zeros(2, 2), 'fc.bias': torch.zeros(2)}, strict=False))
buf = io.BytesIO()
torch.save(o.state_dict(), buf)
buf.seek(0)
print(torch.load(buf))
