import torch
from torch.utils.data import DataLoader, TensorDataset, Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler

torch.manual_seed(5)
data = TensorDataset(torch.arange(10))
print(list(SequentialSampler(data)), len(SequentialSampler(data)))
print(list(RandomSampler(data)), len(RandomSampler(data)))
print(list(RandomSampler(data, num_samples=13)), len(RandomSampler(data, num_samples=4)))
g = torch.Generator().manual_seed(9)
print(list(RandomSampler(data, generator=g)), list(RandomSampler(data, num_samples=3, generator=g)))
train = SubsetRandomSampler([0, 2, 4, 6, 8])
print(list(train), len(train))
print([b[0].tolist() for b in DataLoader(data, batch_size=2, sampler=train)])
print([b[0].tolist() for b in DataLoader(data, batch_size=4, sampler=RandomSampler(data))])
print([b[0].tolist() for b in DataLoader(data, batch_size=3, sampler=SubsetRandomSampler(range(5, 10), generator=g))])
print(torch.rand(2))


class EvenFirst(Sampler):
    def __init__(self, data_source):
        self.n = len(data_source)

    def __iter__(self):
        return iter([i for i in range(self.n) if i % 2 == 0] + [i for i in range(self.n) if i % 2 == 1])

    def __len__(self):
        return self.n


print([b[0].tolist() for b in DataLoader(data, batch_size=4, sampler=EvenFirst(data))], isinstance(EvenFirst(data), Sampler))
for bad in (lambda: RandomSampler(data, num_samples=0), lambda: RandomSampler(data, replacement=1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
