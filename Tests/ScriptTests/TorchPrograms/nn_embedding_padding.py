import copy
import torch, torch.nn as nn
for p in (3, -1, 5, -6, None):
    try: print(nn.Embedding(5, 2, padding_idx=p))
    except Exception as e: print(type(e).__name__, e)
torch.manual_seed(0)
e = nn.Embedding(4, 2, padding_idx=1)
print(e.weight)
e(torch.tensor([[1, 2, 1]])).sum().backward()
print(e.weight.grad, e.padding_idx, nn.Embedding(2, 2).padding_idx)
print(copy.deepcopy(e))
