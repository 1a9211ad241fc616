import torch
torch.diag(torch.ones(10**6))
