import torch.nn as nn
print(nn.Embedding(2**40, 2**10))
