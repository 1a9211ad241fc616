import torch
print(torch.ones(1, 1).expand(10**5, 10**5).contiguous().shape)
