import torch
import torch.nn as nn
print(nn.Embedding(3, 2)(torch.tensor([-1])))
