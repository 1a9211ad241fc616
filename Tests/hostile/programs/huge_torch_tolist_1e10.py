import torch
print(len(torch.zeros(10**10).tolist()))
