import torch
torch.tensor([2**63 - 1]).bincount()
