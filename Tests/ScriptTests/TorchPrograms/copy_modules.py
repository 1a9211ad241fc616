import copy

import torch
import torch.nn as nn


class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(5, 3)
        self.lstm = nn.LSTM(3, 4, num_layers=2, dropout=0.5, bidirectional=True)
        self.drop = nn.Dropout(0.2)
        self.head = nn.Sequential(nn.Linear(8, 4), nn.Tanh(), nn.Linear(4, 2))
        self.norm = nn.LayerNorm(2)
        self.extra = nn.ParameterList([nn.Parameter(torch.zeros(2))])
        self.blocks = nn.ModuleDict({'a': nn.GRU(2, 2), 'b': nn.RNNCell(2, 2)})
        self.register_buffer('seen', torch.zeros(1))
        self.name = 'tagger'

    def forward(self, x):
        self.seen += 1
        h, _ = self.lstm(self.emb(x))
        return self.norm(self.head(self.drop(h)))


torch.manual_seed(0)
model = Tagger()
model.eval()
best = copy.deepcopy(model)
print(best)
print(best.training, best.lstm.training, best.name)
print(all(torch.equal(a, b) for a, b in zip(model.parameters(), best.parameters())))
print(any(a is b for a, b in zip(model.parameters(), best.parameters())))
print([type(p).__name__ for p in best.parameters()][:3])
print(list(best.state_dict().keys()) == list(model.state_dict().keys()))
x = torch.tensor([[1, 2], [3, 4]])
print(torch.equal(model(x), best(x)))
print(model.seen, best.seen)

opt = torch.optim.SGD(model.parameters(), lr=0.5)
model.train()
loss = model(x).pow(2).sum()
loss.backward()
opt.step()
print(torch.equal(model.head[0].weight, best.head[0].weight))
print(best.head[0].weight.grad)

best_state = copy.deepcopy(model.state_dict())
print(type(best_state).__name__, best_state._metadata['lstm'])
with torch.no_grad():
    model.head[2].bias.add_(1.)
print(torch.equal(best_state['head.2.bias'] + 1, model.head[2].bias))
print(best.load_state_dict(best_state))
print(torch.equal(best.head[2].bias + 1, model.head[2].bias))

adam = torch.optim.Adam(model.parameters(), lr=0.01)
model(x).sum().backward()
adam.step()
saved = copy.deepcopy(adam.state_dict())
adam.step()
print(saved['state'][0]['step'], adam.state_dict()['state'][0]['step'])
print(saved['param_groups'][0]['lr'], sorted(saved['state'][0].keys()))

shallow = copy.copy(nn.Linear(2, 2))
lin = nn.Linear(2, 2)
twin = copy.copy(lin)
print(twin.weight is lin.weight, twin is lin)
twin.eval()
print(lin.training, twin.training)
mcopy = copy.copy(model)
print(mcopy.head is model.head, mcopy.lstm.weight_ih_l0 is model.lstm.weight_ih_l0)

parts = nn.ModuleList([nn.RNN(2, 3, nonlinearity='relu', batch_first=True), nn.LSTMCell(2, 3), nn.GRUCell(2, 3, bias=False),
                       nn.Flatten(), nn.Identity(), nn.Softmax(dim=1), nn.LogSoftmax(dim=1), nn.ReLU(), nn.Sigmoid(),
                       nn.NLLLoss(), nn.CrossEntropyLoss(ignore_index=0), nn.MSELoss(reduction='sum'), nn.BCELoss(),
                       nn.L1Loss(), nn.SmoothL1Loss(beta=0.5), nn.BCEWithLogitsLoss(), nn.Linear(2, 2, bias=False),
                       nn.LayerNorm([2, 3], elementwise_affine=False)])
parts[5].train(False)
again = copy.deepcopy(parts)
print(again)
print([m.training for m in again])
print(all(torch.equal(a, b) and a is not b for a, b in zip(parts.parameters(), again.parameters())))
print(len(list(again.parameters())), len(again.state_dict()))
inp = torch.ones(1, 2)
print(torch.equal(parts[1](inp)[0], again[1](inp)[0]))
