from torch.utils.data import DataLoader, TensorDataset
import torch
class Mine(TensorDataset):
    def __init__(self, x):
        super().__init__(x, x * 2)
    def __getitem__(self, i):
        a, b = super().__getitem__(i)
        return a + b
m = Mine(torch.arange(4))
print(len(m), m[1], list(DataLoader(m, batch_size=3)))
print(torch.utils.data.TensorDataset, DataLoader)
print(repr(DataLoader(m))[:45])
print(type(iter(DataLoader(m))).__name__)
