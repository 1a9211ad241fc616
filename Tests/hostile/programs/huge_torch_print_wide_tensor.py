import torch
x = torch.arange(10**6).float()
print(x)
print(x.view(1000, 1000))
