import torch, torch.nn as nn, torch.nn.functional as F
from torch.nn.utils.rnn import PackedSequence, pad_sequence
t=torch.zeros(2,2)
for s in ["nn.init.xavier_uniform_(t, foo=1)", "F.dropout(t, foo=1)", "PackedSequence(t, foo=1)", "pad_sequence([t], foo=1)", "torch.optim.SGD([t], lr=1, foo=1)", "torch.optim.lr_scheduler.StepLR(torch.optim.SGD([t],lr=1), 1, foo=2)", "nn.Linear(2,2,foo=1)", "F.layer_norm(t, (2,), foo=1)", "nn.utils.clip_grad_value_([t], 1, foo=1)", "nn.init.xavier_uniform_()", "pad_sequence()", "F.mse_loss(t, t, foo=1)", "nn.Linear(2, 2, 3, 4, 5, 6)", "nn.Linear(2, in_features=3)"]:
    try: eval(s)
    except TypeError as e: print(s, "->", e)
