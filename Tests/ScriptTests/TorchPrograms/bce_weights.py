import torch
import torch.nn as nn
import torch.nn.functional as F

# weight= of BCELoss and weight= / pos_weight= of BCEWithLogitsLoss: per element, broadcast
# over rows or classes, every reduction, forward and backward.
x = torch.tensor([[0.2, -1.5, 3.0], [0.7, 0.1, -0.4]], requires_grad=True)
p = torch.tensor([[0.1, 0.8, 0.5], [0.99, 0.3, 0.0]], requires_grad=True)
t = torch.tensor([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
w_full = torch.tensor([[1.0, 2.0, 0.5], [0.25, 3.0, 1.5]])
w_class = torch.tensor([2.0, 0.5, 1.25])
w_row = torch.tensor([[3.0], [0.5]])
for reduction in ("mean", "sum", "none"):
    for w in (w_full, w_class, w_row):
        p.grad = None
        loss = nn.BCELoss(weight=w, reduction=reduction)(p, t)
        (loss * torch.arange(1.0, 7.0).view(2, 3) if reduction == "none" else loss).sum().backward()
        print(loss, p.grad, loss.grad_fn.name())
        for pos in (None, w_class, torch.tensor(2.5)):
            x.grad = None
            loss = F.binary_cross_entropy_with_logits(x, t, weight=w, pos_weight=pos, reduction=reduction)
            (loss * torch.arange(1.0, 7.0).view(2, 3) if reduction == "none" else loss).sum().backward()
            print(loss, x.grad, loss.grad_fn.name())
    x.grad = None
    loss = nn.BCEWithLogitsLoss(pos_weight=w_class, reduction=reduction)(x, t)
    (loss * torch.arange(1.0, 7.0).view(2, 3) if reduction == "none" else loss).sum().backward()
    print(loss, x.grad)
for bad in (lambda: nn.BCELoss(weight=torch.ones(4))(p, t),
            lambda: F.binary_cross_entropy(p, t.clamp(max=0.5) * 3),
            lambda: F.binary_cross_entropy_with_logits(x, t, pos_weight=torch.ones(4))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
