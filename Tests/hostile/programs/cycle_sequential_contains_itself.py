import torch
import torch.nn as nn
s = nn.Sequential(nn.Linear(2, 2))
s.append(s)
print(s(torch.ones(2)))
