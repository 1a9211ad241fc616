import torch
print(torch.ones(10).repeat(10**6, 10**6).shape)
