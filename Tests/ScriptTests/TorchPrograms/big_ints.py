import torch
print(int(torch.tensor(1e30)), int(torch.tensor(-3.9e20)))
print(torch.tensor([2**62]).item() * 4)
