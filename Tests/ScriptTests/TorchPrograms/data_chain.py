import torch
from torch.utils.data import IterableDataset, ChainDataset, DataLoader, Dataset


class Count(IterableDataset):
    def __init__(self, start, n):
        self.start, self.n = start, n

    def __iter__(self):
        return iter(range(self.start, self.start + self.n))

    def __len__(self):
        return self.n


both = Count(0, 3) + Count(10, 2)
print(type(both).__name__, isinstance(both, IterableDataset), list(both), len(both))
chain = ChainDataset([Count(5, 2), Count(0, 1), Count(7, 0), Count(1, 2)])
print(list(chain), len(chain), list(DataLoader(chain, batch_size=2)), len(DataLoader(chain, batch_size=2)))


class Plain(Dataset):
    def __getitem__(self, i):
        return i

    def __len__(self):
        return 2


for bad in (lambda: list(ChainDataset([Count(0, 1), Plain()])), lambda: len(ChainDataset([Plain()]))):
    try:
        bad()
    except AssertionError as e:
        print("AssertionError", e)
