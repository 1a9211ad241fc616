import torch
torch.einsum('i,j->ij', torch.ones(10**6), torch.ones(10**6))
