import torch
print(torch.zeros(10**10).shape)
