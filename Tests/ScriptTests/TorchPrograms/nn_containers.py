import torch
import torch.nn as nn

torch.manual_seed(0)
layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
layers.append(nn.Tanh())
layers.extend([nn.Linear(2, 1), nn.Linear(2, 1)])
layers.insert(0, nn.ReLU())
print(layers)
print(len(layers), type(layers[1]).__name__, type(layers[-1]).__name__, len(layers[1:3]), type(layers[1:3]).__name__)
print([name for name, _ in layers.named_parameters()])
print(nn.ModuleList())


class Stack(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([nn.Linear(3, 3), nn.Linear(3, 3)])
        self.heads = nn.ModuleDict({"a": nn.Linear(3, 1), "b": nn.Linear(3, 2)})

    def forward(self, x):
        for block in self.blocks:
            x = torch.tanh(block(x))
        return {k: head(x) for k, head in self.heads.items()}


torch.manual_seed(1)
model = Stack()
print(model)
out = model(torch.randn(4, 3))
print(out["a"], out["b"].shape)
print(list(model.state_dict().keys()))
print(list(model.heads.keys()), len(model.heads), [type(v).__name__ for v in model.heads.values()])
model.heads["c"] = nn.Identity()
model.heads.update({"a": nn.Linear(3, 5)})
print(model.heads)
print(type(model.heads.pop("b")).__name__, list(model.heads))
sum(o.sum() for o in model(torch.randn(2, 3)).values()).backward()
print(model.blocks[0].weight.grad)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
print(len(opt.param_groups[0]["params"]))
for bad in (lambda: layers[10], lambda: model.heads["zzz"], lambda: layers(torch.zeros(2)), lambda: layers.append(3)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
