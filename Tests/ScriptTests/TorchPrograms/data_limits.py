# Datasets whose length is huge: errors, never a crash or an attempt to list every index
import torch
from torch.utils.data import *
class Huge(Dataset):
    def __len__(self): return 10**15
    def __getitem__(self, i): return i
for f in [lambda: torch.randperm(10**13),
          lambda: next(iter(DataLoader(Huge(), shuffle=True))),
          lambda: next(iter(DataLoader(Huge()))),
          lambda: len(DataLoader(Huge(), batch_size=3)),
          lambda: random_split(range(4), [2**62, 2**62, 2**62, 2**62]),
          lambda: len(ConcatDataset([Huge()] * 20000)),
          lambda: random_split(Huge(), [0.5, 0.5])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, str(e)[:80])
