import torch, torch.nn as nn
for inp, tgt in [((5,), (1,)), ((5,), (2,)), ((5,), (1, 1)), ((3, 5), (3, 1)), ((3, 5), (2, 1)), ((0, 5), ()), ((1, 5), (1, 1))]:
    for crit in (nn.CrossEntropyLoss(), nn.NLLLoss()):
        try:
            print(inp, tgt, crit(torch.zeros(inp), torch.zeros(tgt, dtype=torch.long)))
        except Exception as e:
            print(inp, tgt, type(e).__name__, e)
