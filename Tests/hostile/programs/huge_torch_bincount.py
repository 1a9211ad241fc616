import torch
torch.tensor([10**12]).bincount()
