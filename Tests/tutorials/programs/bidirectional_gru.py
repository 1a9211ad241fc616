# A two-layer bidirectional GRU that reads a sequence both ways and classifies it from the
# last layer's two final states, as course exercises on bidirectional RNNs build it.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)


class BiGRU(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(BiGRU, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.gru = nn.GRU(input_size, hidden_size, num_layers, batch_first=True, bidirectional=True, dropout=0.2)
        self.fc = nn.Linear(hidden_size * 2, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers * 2, x.size(0), self.hidden_size)
        out, h_n = self.gru(x, h0)
        # h_n: (num_layers * num_directions, batch, hidden); the last layer's forward and backward states
        hidden = torch.cat((h_n[-2, :, :], h_n[-1, :, :]), dim=1)
        return self.fc(hidden), out


# Task: is the sequence increasing overall? Sequences of 8 steps with 3 features.
def make_batch(n):
    x = torch.randn(n, 8, 3)
    trend = torch.randint(0, 2, (n,))
    ramp = torch.linspace(-1, 1, 8).view(1, 8, 1)
    x = x * 0.5 + torch.where(trend.view(n, 1, 1) == 1, ramp, -ramp)
    return x, trend


model = BiGRU(3, 10, 2, 2)
print(model)
print(sum(p.numel() for p in model.parameters() if p.requires_grad), 'trainable parameters')
for name, param in model.named_parameters():
    if 'l1' in name:
        print(name, tuple(param.shape))

optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01)
for step in range(1, 61):
    model.train()
    x, y = make_batch(16)
    logits, _ = model(x)
    loss = F.cross_entropy(logits, y)
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), 1.0)
    optimizer.step()
    if step % 10 == 0:
        acc = (logits.argmax(1) == y).float().mean()
        print('step %d: loss = %.4f, accuracy = %.2f' % (step, loss.item(), acc.item()))

model.eval()
with torch.no_grad():
    x, y = make_batch(32)
    logits, out = model(x)
    print('output', list(out.shape), 'eval accuracy', (logits.argmax(dim=1) == y).sum().item(), '/', len(y))
