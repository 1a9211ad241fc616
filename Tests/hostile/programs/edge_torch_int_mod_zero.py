import torch
print(torch.tensor([5]) % 0)
