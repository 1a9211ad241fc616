import torch
x = torch.ones(1)
while True:
    x = torch.cat([x, x])
