import torch
print((torch.ones(10**5, 10**5) @ torch.ones(10**5, 10**5)).shape)
