import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence, pack_sequence


def r(t):
    if isinstance(t, tuple):
        return tuple(r(x) for x in t)
    return [round(v, 3) + 0.0 for v in t.detach().flatten().tolist()]


torch.manual_seed(0)
seqs = [torch.randn(n, 3) for n in (2, 5, 3, 5)]
lengths = [len(s) for s in seqs]

def show(name, module, packed, *state):
    out, hidden = module(packed, *state)
    print(name, type(out).__name__, out.batch_sizes, out.sorted_indices, out.unsorted_indices)
    print(out.data.grad_fn.name(), r(out.data))
    padded, lens = pad_packed_sequence(out, batch_first=True)
    print(padded.shape, lens)
    if isinstance(hidden, tuple):
        for h in hidden:
            print(h.grad_fn.name(), r(h))
    else:
        print(hidden.grad_fn.name(), r(hidden))
    loss = padded.pow(2).sum() + (hidden[0] if isinstance(hidden, tuple) else hidden).sum()
    loss.backward()
    for pname, p in module.named_parameters():
        print(pname, r(p.grad))

for cls in (nn.RNN, nn.LSTM, nn.GRU):
    torch.manual_seed(1)
    m = cls(3, 4)
    show(cls.__name__, m, pack_sequence(seqs, enforce_sorted=False))
    torch.manual_seed(2)
    m = cls(3, 4, num_layers=2, batch_first=True)
    x = pad_sequence(seqs, batch_first=True)
    show(cls.__name__ + " 2 layers", m, pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))

torch.manual_seed(3)
m = nn.LSTM(3, 4, num_layers=2)
h0 = torch.randn(2, 4, 4, requires_grad=True)
c0 = torch.randn(2, 4, 4)
sorted_seqs = sorted(seqs, key=len, reverse=True)
show("LSTM h0", m, pack_sequence(sorted_seqs), (h0, c0))
print(r(h0.grad))
torch.manual_seed(3)
m = nn.GRU(3, 4)
h0 = torch.randn(1, 4, 4, requires_grad=True)
show("GRU h0 unsorted", m, pack_sequence(seqs, enforce_sorted=False), h0)
print(r(h0.grad))

# a tagger: embeddings of padded indices, packed, LSTM, unpacked, linear
torch.manual_seed(4)
emb = nn.Embedding(10, 5)
lstm = nn.LSTM(5, 6, batch_first=True)
fc = nn.Linear(6, 3)
idx = torch.tensor([[1, 2, 3, 4], [5, 6, 0, 0], [7, 0, 0, 0]])
lens = torch.tensor([4, 2, 1])
packed = pack_padded_sequence(emb(idx), lens, batch_first=True)
out, (h, c) = lstm(packed)
out, _ = pad_packed_sequence(out, batch_first=True)
print(r(fc(out)))
print(r(fc(h[-1])))
