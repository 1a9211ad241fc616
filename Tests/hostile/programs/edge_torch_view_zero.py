import torch
print(torch.ones(4).view(0, -1))
