# An explicit time loop over nn.GRUCell and nn.LSTMCell with per-step outputs collected in
# a list, torch.stack'ed, and a ModuleList of heads, as lessons that open up the recurrent
# layers step by step do.
import torch
import torch.nn as nn

torch.manual_seed(9)
batch, steps, features, hidden = 3, 5, 4, 6
x = torch.randn(steps, batch, features)


class Stepper(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRUCell(features, hidden)
        self.lstm = nn.LSTMCell(hidden, hidden)
        self.heads = nn.ModuleList([nn.Linear(hidden, 2) for _ in range(2)])
        self.norm = nn.LayerNorm(hidden)

    def forward(self, x):
        h = torch.zeros(x.size(1), hidden)
        c = torch.zeros(x.size(1), hidden)
        hx = torch.zeros(x.size(1), hidden)
        outputs = []
        for t in range(x.size(0)):
            h = self.gru(x[t], h)
            hx, c = self.lstm(h, (hx, c))
            outputs.append(self.norm(hx))
        stacked = torch.stack(outputs)
        return stacked, [head(stacked[-1]) for head in self.heads]


model = Stepper()
print(model)
stacked, heads = model(x)
print(stacked.shape, [tuple(h.shape) for h in heads])
print(stacked[-1])
loss = sum(h.pow(2).mean() for h in heads)
loss.backward()
print(round(loss.item(), 5), model.gru.weight_hh.grad.shape, model.lstm.bias_ih.grad.norm().item() > 0)
for name, module in model.named_modules():
    print(repr(name), type(module).__name__)
print(sum(1 for _ in model.parameters()), [n for n, _ in model.named_parameters()][:4])
model.apply(lambda m: nn.init.zeros_(m.bias) if isinstance(m, nn.Linear) else None)
print(model.heads[1].bias)
