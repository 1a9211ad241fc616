import torch
print(torch.randn(10**5, 10**5).shape)
