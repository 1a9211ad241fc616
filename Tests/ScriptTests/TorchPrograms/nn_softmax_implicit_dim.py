import torch
import torch.nn as nn
import torch.nn.functional as F

# Old tutorials leave out dim: PyTorch warns and picks dim 0 for 0-, 1- and 3-d inputs, else 1.
x = torch.arange(6.).view(2, 3)
print(F.softmax(x))
print(F.log_softmax(torch.arange(3.)))
print(nn.LogSoftmax()(x))
print(nn.Softmax()(torch.arange(24.).view(2, 3, 4)).sum(0))
print(F.softmax(torch.arange(24.).view(1, 2, 3, 4), dim=None).sum(1))
print(F.softmax(x, 1, torch.float64))
print(F.log_softmax(x, dim=0, dtype=torch.float64).dtype)
