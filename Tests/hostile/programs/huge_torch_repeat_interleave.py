import torch
torch.ones(3).repeat_interleave(10**12)
