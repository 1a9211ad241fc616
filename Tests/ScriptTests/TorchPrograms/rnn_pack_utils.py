import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence, pack_sequence, PackedSequence

a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([4.0, 5.0])
c = torch.tensor([6.0])
print(pad_sequence([a, b, c]))
print(pad_sequence([a, b, c], batch_first=True))
print(pad_sequence([a, b, c], batch_first=True, padding_value=-1))
print(pad_sequence([b, a, c], padding_side="left"))
print(pad_sequence([b, a, c], batch_first=True, padding_side="left", padding_value=9.5))
print(pad_sequence([torch.ones(2, 3), torch.zeros(1, 3)], batch_first=True).shape)
print(pad_sequence((torch.tensor([1, 2]), torch.tensor([3]))))

packed = pack_sequence([a, b, c])
print(packed)
print(type(packed).__name__, isinstance(packed, PackedSequence), isinstance(packed, tuple), len(packed))
data, batch_sizes, sorted_indices, unsorted_indices = packed
print(data, batch_sizes, sorted_indices, unsorted_indices)
print(packed.data, packed.batch_sizes, packed[1], packed.sorted_indices, packed.unsorted_indices)
print(packed.batch_sizes.dtype, packed.data.shape)

unsorted = pack_sequence([b, a, c], enforce_sorted=False)
print(unsorted)
print(pad_packed_sequence(unsorted))
print(pad_packed_sequence(unsorted, batch_first=True, padding_value=-2.0, total_length=5))

x = torch.arange(24.0).view(4, 3, 2)
p = pack_padded_sequence(x, [4, 2, 1])
print(p)
print(pad_packed_sequence(p))
p = pack_padded_sequence(x.transpose(0, 1), torch.tensor([2, 4, 1]), batch_first=True, enforce_sorted=False)
print(p)
out, lengths = pad_packed_sequence(p, batch_first=True)
print(out, lengths)
print(pack_padded_sequence(x, torch.tensor([3, 3, 3])))
print(pack_padded_sequence(x, [2, 3, 2], enforce_sorted=False).sorted_indices)

w = torch.randn(3, 2, requires_grad=True) if False else torch.tensor([[0.5, -1.0], [2.0, 0.25], [1.5, 1.0]], requires_grad=True)
seqs = [w[:3] * 2, w[:2] * 3, w[:1]]
packed = pack_sequence(seqs, enforce_sorted=False)
print(packed.data.grad_fn is not None)
padded, lengths = pad_packed_sequence(packed, batch_first=True)
(padded * torch.arange(1.0, 19.0).view(3, 3, 2)).sum().backward()
print(w.grad)
w.grad = None
seqs = [w[:3] * 2, w[:2] * 3, w[:1]]
padded = pad_sequence(seqs, batch_first=True, padding_side="left")
(padded ** 2).sum().backward()
print(w.grad)

for bad in (lambda: pack_padded_sequence(x, [1, 2, 4]),
            lambda: pack_padded_sequence(x, [4, 2]),
            lambda: pack_padded_sequence(x, [4, 2, 0]),
            lambda: pad_packed_sequence(pack_sequence([a, b]), total_length=2),
            lambda: pad_sequence([b, a], padding_side="middle"),
            lambda: pad_sequence([]),
            lambda: pad_sequence([torch.ones(2, 3), torch.ones(2, 2)]),
            lambda: pack_sequence([b, a])):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
