import torch
import torch.nn as nn

torch.manual_seed(0)
for layer in (nn.RNN(3, 4, batch_first=True), nn.LSTM(3, 4, 2, batch_first=True),
              nn.GRU(3, 4, batch_first=True, bidirectional=True), nn.LSTM(3, 4)):
    out, _ = layer(torch.zeros(2, 3, 3))
    print(type(layer).__name__, out.shape, out.stride(), out.is_contiguous(), out.grad_fn.name())
    try:
        out.view(-1, out.size(-1))
    except RuntimeError as e:
        print('RuntimeError:', e)
    print(out.contiguous().view(-1, out.size(-1)).shape)

lstm = nn.LSTM(3, 4, 2, dropout=0.3, batch_first=True)
drop = nn.Dropout(0.3)
x = torch.randn(2, 3, 3)
out, (h, c) = lstm(x, (torch.zeros(2, 2, 4), torch.zeros(2, 2, 4)))
print((drop(out) == 0).int())
print(torch.nn.functional.dropout(torch.ones(3, 4).t(), 0.5))
print(torch.nn.functional.dropout(torch.ones(3, 4)[:, :2], 0.5))
print(torch.nn.functional.dropout(torch.ones(2, 3, 4).permute(2, 0, 1), 0.5).sum())
out.sum().backward()
print(lstm.weight_ih_l1.grad.abs().sum() > 0)
