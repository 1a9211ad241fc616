import torch
a = [1.0]
for _ in range(10000):
    a = [a]
print(torch.tensor(a).dim())
