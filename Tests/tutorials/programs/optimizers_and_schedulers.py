# Compare optimisers on one small RNN regression and watch learning-rate schedules move,
# as optimisation lessons of deep-learning courses do.
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(11)
X = torch.randn(16, 5, 2)
Y = X.sum(dim=(1, 2)).unsqueeze(1) * 0.3


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(2, 6, batch_first=True)
        self.head = nn.Linear(6, 1)

    def forward(self, x):
        _, h = self.rnn(x)
        return self.head(h[-1])


def fit(make_optimizer, make_scheduler=None, epochs=12):
    torch.manual_seed(0)
    model = Regressor()
    optimizer = make_optimizer(model.parameters())
    scheduler = make_scheduler(optimizer) if make_scheduler else None
    losses = []
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(X), Y)
        loss.backward()
        optimizer.step()
        if scheduler is not None:
            if isinstance(scheduler, lr_scheduler.ReduceLROnPlateau):
                scheduler.step(loss.item())
            else:
                scheduler.step()
        losses.append(loss.item())
    return losses, optimizer


optimizers = {
    'SGD': lambda p: torch.optim.SGD(p, lr=0.05),
    'SGD+momentum': lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    'SGD+nesterov': lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-4),
    'Adam': lambda p: torch.optim.Adam(p, lr=0.01),
    'AdamW': lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1),
    'RMSprop': lambda p: torch.optim.RMSprop(p, lr=0.01),
    'Adagrad': lambda p: torch.optim.Adagrad(p, lr=0.1),
}
for name, make in optimizers.items():
    losses, optimizer = fit(make)
    print('{:<13s} first {:.4f}  last {:.4f}'.format(name, losses[0], losses[-1]))

print(optimizer)
print(optimizer.param_groups[0]['lr'], len(optimizer.param_groups[0]['params']))

schedules = {
    'StepLR': lambda o: lr_scheduler.StepLR(o, step_size=4, gamma=0.5),
    'ExponentialLR': lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9),
    'CosineAnnealingLR': lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=12),
    'LambdaLR': lambda o: lr_scheduler.LambdaLR(o, lr_lambda=lambda epoch: 1.0 / (epoch + 1)),
    'OneCycleLR': lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=12),
    'ReduceLROnPlateau': lambda o: lr_scheduler.ReduceLROnPlateau(o, mode='min', factor=0.5, patience=1),
}
for name, make in schedules.items():
    losses, optimizer = fit(lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9), make)
    print('{:<18s} lr now {:.6f}  loss {:.4f}'.format(name, optimizer.param_groups[0]['lr'], losses[-1]))

torch.manual_seed(0)
model = Regressor()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
for epoch in range(5):
    optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr())
