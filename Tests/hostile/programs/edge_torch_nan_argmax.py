import torch
print(torch.tensor([float('nan'), 1.0]).argmax())
