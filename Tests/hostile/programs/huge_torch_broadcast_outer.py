import torch
print((torch.zeros(300000, 1) + torch.zeros(1, 300000)).shape)
