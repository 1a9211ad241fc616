import torch, torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 3)
        self.register_buffer("steps", torch.zeros(1))
    def forward(self, x): return self.fc(x)
net = Net()
lin = nn.Linear(2, 2)
for x in ["net.parameters(foo=1)", "net.parameters(1, 2)", "lin.parameters(foo=1)", "net.train(1, 2)", "net.eval(1)", "lin.state_dict(foo=1)", "net.load_state_dict()",
          "lin.zero_grad(foo=1)", "net.apply()", "lin.requires_grad_(1, 2)", "lin.type()", "lin.float(1)", "net.named_parameters(x=1)", "net.modules(prefix='a')", "lin.children(1)"]:
    try: eval(x)
    except TypeError as e: print(x, "->", e)
print([n for n, _ in net.named_parameters(prefix='m')])
print([n for n, _ in net.named_parameters(recurse=False)])
print(len(list(net.parameters(recurse=False))), len(list(net.parameters())))
print([n for n, _ in net.named_buffers(prefix='b')])
print([n for n, _ in net.named_modules(prefix='top')])
print(len(list(net.modules())))
print(lin.cuda.__name__, net.cuda.__name__)
print(list(net.state_dict(prefix='p.').keys()))
print(net.train(False).training, lin.eval().training)
