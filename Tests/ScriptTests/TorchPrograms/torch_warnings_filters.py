import warnings, torch
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    torch.nn.functional.softmax(torch.ones(2))
    float(torch.tensor(1.0, requires_grad=True))
    torch.ones(2).add_(1, torch.ones(2))
print([str(x.message).split(" (Triggered")[0] for x in w], [x.category.__name__ for x in w])
import torch.nn as nn
for f in (lambda: torch.nn.functional.softmax(torch.ones(2)), lambda: nn.Softmax()(torch.ones(2)), lambda: float(torch.tensor(1.0, requires_grad=True))):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            f()
        except UserWarning as e:
            print("UserWarning", str(e).split(" (Triggered")[0])
