import torch
print(torch.eye(10**6).shape)
