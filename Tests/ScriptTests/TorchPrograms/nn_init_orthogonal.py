import torch
import torch.nn as nn


def r(t):
    return [round(v, 4) + 0.0 for v in t.detach().flatten().tolist()]


torch.manual_seed(0)
for shape in ((3, 3), (4, 2), (2, 5), (3, 2, 2), (1, 4), (6, 1)):
    w = torch.empty(*shape)
    out = nn.init.orthogonal_(w)
    print(shape, out is w, r(w))
w = torch.empty(4, 4)
nn.init.orthogonal_(w, gain=2.0)
print(r(w @ w.t()))
print(torch.rand(2))

rnn = nn.LSTM(3, 4)
torch.manual_seed(1)
for name, p in rnn.named_parameters():
    if "weight_hh" in name:
        nn.init.orthogonal_(p)
    elif "weight" in name:
        nn.init.xavier_uniform_(p)
    else:
        nn.init.zeros_(p)
print(r(rnn.weight_hh_l0), r(rnn.weight_ih_l0))
print(rnn.weight_hh_l0.requires_grad, rnn.weight_hh_l0.grad_fn)
try:
    nn.init.orthogonal_(torch.empty(3))
except Exception as e:
    print(type(e).__name__, e)
