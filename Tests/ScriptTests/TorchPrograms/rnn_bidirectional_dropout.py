import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence


def r(t):
    if isinstance(t, tuple):
        return tuple(r(x) for x in t)
    return [round(v, 3) + 0.0 for v in t.detach().flatten().tolist()]


print(nn.LSTM(3, 4, num_layers=2, dropout=0.5, bidirectional=True))
print(nn.GRU(3, 4, num_layers=3, batch_first=True, dropout=0.25, bidirectional=True))
print(nn.RNN(3, 4, bidirectional=True, nonlinearity="relu", bias=False))
print(nn.LSTM(3, 4, dropout=0.0), nn.LSTM(3, 4, dropout=1))
m = nn.GRU(2, 3, num_layers=2, bidirectional=True)
print([(n, tuple(p.shape)) for n, p in m.named_parameters()])
print(m.bidirectional, m.dropout, nn.LSTM(3, 4, dropout=0.5).dropout)

def grads(module):
    for pname, p in module.named_parameters():
        print(pname, r(p.grad))

torch.manual_seed(0)
x = torch.randn(5, 2, 3)
for cls in (nn.RNN, nn.LSTM, nn.GRU):
    for layers in (1, 2):
        torch.manual_seed(layers)
        m = cls(3, 4, num_layers=layers, bidirectional=True)
        out, hidden = m(x)
        h = hidden[0] if isinstance(hidden, tuple) else hidden
        print(cls.__name__, layers, out.shape, h.shape, out.grad_fn.name())
        print(r(out))
        print(r(hidden))
        (out.sum() + 2 * h.sum()).backward()
        grads(m)

torch.manual_seed(5)
m = nn.LSTM(3, 4, num_layers=3, dropout=0.5, batch_first=True)
xb = torch.randn(2, 5, 3, requires_grad=True)
torch.manual_seed(6)
out, (h, c) = m(xb)
print(r(out))
print(r(h), r(c))
out.sum().backward()
print(r(xb.grad))
grads(m)
m.eval()
out2, _ = m(xb)
print(r(out2))
print(torch.rand(2))

torch.manual_seed(7)
m = nn.GRU(3, 4, num_layers=2, dropout=0.3, bidirectional=True)
h0 = torch.randn(4, 2, 4, requires_grad=True)
out, h = m(x, h0)
print(r(out))
print(r(h))
(out ** 2).sum().backward()
print(r(h0.grad))
grads(m)

torch.manual_seed(8)
seqs = [torch.randn(n, 3) for n in (4, 2, 5)]
for cls in (nn.LSTM, nn.GRU, nn.RNN):
    torch.manual_seed(9)
    m = cls(3, 4, num_layers=2, dropout=0.5, bidirectional=True)
    packed = pack_sequence(seqs, enforce_sorted=False)
    out, hidden = m(packed)
    print(cls.__name__, "packed", out.data.grad_fn.name())
    print(r(out.data))
    print(r(hidden))
    padded, lengths = pad_packed_sequence(out)
    h = hidden[0] if isinstance(hidden, tuple) else hidden
    (padded.sum() + h.pow(2).sum()).backward()
    grads(m)
print(torch.rand(3))

# unbatched input
torch.manual_seed(10)
m = nn.LSTM(3, 2, num_layers=2, bidirectional=True)
out, (h, c) = m(torch.randn(4, 3))
print(r(out), r(h), r(c))

for bad in (lambda: nn.LSTM(3, 4, dropout=1.5),
            lambda: nn.GRU(3, 4, dropout=-0.1),
            lambda: nn.LSTM(3, 4, bidirectional=True)(x, (torch.zeros(1, 2, 4), torch.zeros(1, 2, 4))),
            lambda: nn.GRU(3, 4, num_layers=2, bidirectional=True)(x, torch.zeros(2, 2, 4)),
            lambda: nn.RNN(3, 4, bidirectional=True)(x, torch.zeros(1, 2, 4))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

