import torch
a = [1.0]
a.append(a)
print(torch.tensor(a))
