import torch
torch.ones(2).repeat(10**6, 10**6)
