import torch
for o in (-2**63, 2**63 - 1, 2**62):
    try:
        torch.arange(6).diag(o)
    except RuntimeError as e:
        print(str(e)[:40])
