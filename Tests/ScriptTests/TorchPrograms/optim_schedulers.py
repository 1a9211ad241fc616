import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler


def trajectory(make_opt, make_sched, steps=12, metrics=None):
    model = nn.Linear(2, 1)
    opt = make_opt(model.parameters())
    sched = make_sched(opt)
    lrs = [sched.get_last_lr()]
    for i in range(steps):
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[i])
        lrs.append(sched.get_last_lr())
    print(type(sched).__name__, lrs)
    return opt, sched


sgd = lambda p: optim.SGD(p, lr=0.1, momentum=0.9)
trajectory(sgd, lambda o: lr_scheduler.StepLR(o, step_size=3))
trajectory(sgd, lambda o: lr_scheduler.StepLR(o, 2, gamma=0.5))
trajectory(sgd, lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3))
trajectory(sgd, lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9))
trajectory(sgd, lambda o: lr_scheduler.LambdaLR(o, lr_lambda=lambda epoch: 0.95 ** epoch))
trajectory(lambda p: optim.SGD(p, lr=1), lambda o: lr_scheduler.LambdaLR(o, lambda e: 1 if e < 3 else 0.5))
trajectory(sgd, lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=5), steps=16)
trajectory(sgd, lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=4, eta_min=0.01), steps=10)
opt, _ = trajectory(sgd, lambda o: lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=10), steps=10)
print(opt.param_groups[0]["momentum"], sorted(k for k in opt.param_groups[0] if k != "params"))
opt, _ = trajectory(lambda p: optim.Adam(p, lr=0.01), lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, epochs=2, steps_per_epoch=4, anneal_strategy="linear"), steps=8)
print(opt.param_groups[0]["betas"])
trajectory(sgd, lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=9, three_phase=True, pct_start=0.25), steps=9)
losses = [1.0, 0.9, 0.95, 0.96, 0.97, 0.5, 0.6, 0.61, 0.62, 0.63, 0.64, 0.65]
trajectory(sgd, lambda o: lr_scheduler.ReduceLROnPlateau(o, patience=2), metrics=losses)
trajectory(sgd, lambda o: lr_scheduler.ReduceLROnPlateau(o, mode="max", factor=0.5, patience=1, cooldown=1, min_lr=0.03), metrics=losses)
trajectory(sgd, lambda o: lr_scheduler.ReduceLROnPlateau(o, patience=0, threshold=0.1, threshold_mode="abs"), metrics=[torch.tensor(v) for v in losses])

# two groups
model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
opt = optim.SGD([{"params": model[0].parameters()}, {"params": model[1].parameters(), "lr": 0.5}], lr=0.1)
sched = lr_scheduler.StepLR(opt, 2, gamma=0.1)
for _ in range(5):
    opt.step()
    sched.step()
print(sched.get_last_lr(), sched.last_epoch, sched.base_lrs, opt.param_groups[1]["initial_lr"])
sched = lr_scheduler.LambdaLR(opt, [lambda e: 1.0, lambda e: 1 / (e + 1)])
opt.step()
sched.step()
print(sched.get_last_lr())

# the learning rate reaches training: the same run with StepLR and with manual lr changes
def train(manual):
    torch.manual_seed(3)
    m = nn.Linear(3, 1)
    x = torch.randn(8, 3)
    y = torch.randn(8, 1)
    opt = optim.Adam(m.parameters(), lr=0.1)
    sched = None if manual else lr_scheduler.StepLR(opt, 2, gamma=0.5)
    for epoch in range(6):
        opt.zero_grad()
        ((m(x) - y) ** 2).mean().backward()
        opt.step()
        if manual:
            if epoch % 2 == 1:
                opt.param_groups[0]["lr"] *= 0.5
        else:
            sched.step()
    return [round(v, 4) for v in m.weight.flatten().tolist()]
print(train(True) == train(False), train(False))

for bad in (lambda: lr_scheduler.StepLR("sgd", 2),
            lambda: lr_scheduler.ReduceLROnPlateau(optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1), factor=1.5),
            lambda: lr_scheduler.ReduceLROnPlateau(optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1), mode="up"),
            lambda: lr_scheduler.OneCycleLR(optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1), max_lr=0.1),
            lambda: lr_scheduler.OneCycleLR(optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1), max_lr=0.1, total_steps=5, pct_start=1),
            lambda: lr_scheduler.LambdaLR(optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1), [lambda e: 1, lambda e: 2]),
            lambda: lr_scheduler.StepLR(optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1), 2, last_epoch=3)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s = lr_scheduler.OneCycleLR(optim.SGD(nn.Linear(1, 1).parameters(), lr=0.1, momentum=0.9), max_lr=0.1, total_steps=2)
try:
    for _ in range(3):
        s.step()
except Exception as e:
    print(type(e).__name__, e)
