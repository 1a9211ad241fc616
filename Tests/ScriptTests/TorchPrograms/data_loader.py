import torch
from torch.utils.data import Dataset, IterableDataset, TensorDataset, DataLoader, random_split, Subset, ConcatDataset


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.tensor([float(i)]), i * i


class Words(Dataset):
    def __init__(self):
        super(Words, self).__init__()
        self.words = ["ab", "cd", "ef", "gh", "ij"]

    def __len__(self):
        return len(self.words)

    def __getitem__(self, i):
        return {"word": self.words[i], "index": i, "t": torch.ones(2) * i}


class Counter(IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n))


torch.manual_seed(0)
ds = Squares(7)
print(len(ds), isinstance(ds, Dataset), ds[3])
loader = DataLoader(ds, batch_size=3)
print(len(loader))
for x, y in loader:
    print(x.shape, x.view(-1).tolist(), y)
print(len(DataLoader(ds, batch_size=3, drop_last=True)), [y.tolist() for _, y in DataLoader(ds, batch_size=3, drop_last=True)])
for x, y in DataLoader(ds, batch_size=4, shuffle=True):
    print("shuffled", y)
print("after", torch.rand(2))
g = torch.Generator().manual_seed(42)
print([y.tolist() for _, y in DataLoader(ds, batch_size=2, shuffle=True, generator=g)])
print([y.tolist() for _, y in DataLoader(ds, batch_size=2, shuffle=True, generator=g)])
print("after", torch.rand(2))
print(list(DataLoader(Words(), batch_size=2)))
print(list(DataLoader([(1, "a"), (2, "b"), (3, "c")], batch_size=2)))
print(list(DataLoader([[1, 2], [3, 4]], batch_size=2)))
print(list(DataLoader([True, False], batch_size=2)))
print(list(DataLoader(["x", "y", "z"], batch_size=2)))
print(list(DataLoader([1, 2, 3], batch_size=None)))
print(list(DataLoader(ds, batch_size=2, sampler=[6, 0, 2])), len(DataLoader(ds, batch_size=2, sampler=[6, 0, 2])))
print(list(DataLoader(ds, batch_size=3, collate_fn=lambda batch: [b[1] for b in batch])))
print(list(DataLoader(Counter(5), batch_size=2)), list(DataLoader(Counter(5), batch_size=2, drop_last=True)))
print(list(DataLoader(ds, batch_size=5, num_workers=2, shuffle=True)))

td = TensorDataset(torch.arange(6).view(3, 2), torch.tensor([0, 1, 0]))
print(len(td), td[1], td[0:2], len(td.tensors), isinstance(td, Dataset))
for xb, yb in DataLoader(td, batch_size=2, shuffle=True):
    print(xb, yb)
it = iter(DataLoader(td, batch_size=2))
print(next(it))
print(next(it))

torch.manual_seed(1)
a, b = random_split(range(10), [7, 3])
print(type(a).__name__, len(a), len(b), list(a), list(b), a.indices)
parts = random_split(Squares(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(3))
print([p.indices for p in parts])
print([len(p) for p in random_split(range(11), [0.3, 0.3, 0.4])])
sub = Subset(ds, [4, 1])
print(len(sub), sub[0], sub[1][1])
cat = ConcatDataset([range(3), range(10, 14)])
print(len(cat), [cat[i] for i in range(len(cat))], cat[-1], cat.cumulative_sizes)
both = td + TensorDataset(torch.zeros(2, 2), torch.tensor([5, 6]))
print(type(both).__name__, len(both), both[4])
print(torch.utils.data.default_collate([(1, 2.5), (3, 4.5)])[0])

for bad in (lambda: TensorDataset(torch.ones(2), torch.ones(3)),
            lambda: DataLoader(ds, batch_size=0),
            lambda: DataLoader(ds, num_workers=-1),
            lambda: DataLoader(ds, shuffle=True, sampler=[0]),
            lambda: DataLoader(Counter(3), shuffle=True),
            lambda: list(DataLoader([object()])),
            lambda: list(DataLoader([[1, 2], [3]], batch_size=2)),
            lambda: random_split(range(5), [2, 2]),
            lambda: random_split(range(5), [1.5, -0.5]),
            lambda: ConcatDataset([]),
            lambda: ConcatDataset([range(2), Counter(2)]),
            lambda: cat[-9],
            lambda: Dataset()[0]):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    DataLoader([], shuffle=True)
except ValueError as e:
    print("ValueError", e)
g = torch.Generator().manual_seed(7)
for drop in (False, True):
    for size in (2, 3, 4, 7):
        print(size, drop, [y.tolist() for _, y in DataLoader(ds, batch_size=size, shuffle=True, generator=g, drop_last=drop)])
print("end", torch.rand(1), g.initial_seed(), torch.rand(1, generator=g))
