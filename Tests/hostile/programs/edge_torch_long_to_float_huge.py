import torch
print(torch.tensor([2**63 - 1]).float(), torch.tensor([1e30]).long())
