import torch
import torch.nn.functional as F
print(F.one_hot(torch.tensor([2**40])).shape)
