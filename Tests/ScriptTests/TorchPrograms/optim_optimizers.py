import torch
import torch.nn as nn
import torch.optim as optim


def r(t):
    return [round(v, 4) + 0.0 for v in t.detach().flatten().tolist()]


def run(make, steps=4, closure=False):
    torch.manual_seed(0)
    model = nn.Linear(3, 2)
    x = torch.randn(5, 3)
    y = torch.randn(5, 2)
    opt = make(model)
    for _ in range(steps):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
    print(type(opt).__name__, r(model.weight), r(model.bias))
    return opt, model


run(lambda m: optim.SGD(m.parameters(), lr=0.1))
run(lambda m: optim.SGD(m.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01))
run(lambda m: optim.SGD(m.parameters(), lr=0.1, momentum=0.5, dampening=0.2))
run(lambda m: optim.Adam(m.parameters(), lr=0.05, weight_decay=0.1))
run(lambda m: optim.AdamW(m.parameters(), lr=0.05))
run(lambda m: optim.AdamW(m.parameters(), lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.5))
run(lambda m: optim.RMSprop(m.parameters()))
run(lambda m: optim.RMSprop(m.parameters(), lr=0.01, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.1))
run(lambda m: optim.Adagrad(m.parameters(), lr=0.1))
run(lambda m: optim.Adagrad(m.parameters(), lr=0.1, lr_decay=0.05, weight_decay=0.1, initial_accumulator_value=0.2))

opt, model = run(lambda m: optim.SGD([{"params": [m.weight]}, {"params": m.bias, "lr": 0.5, "momentum": 0.9}], lr=0.1))
print(opt)
print(len(opt.param_groups), opt.param_groups[1]["lr"], opt.param_groups[1]["momentum"], opt.param_groups[0]["momentum"])
print(opt.defaults)
print(optim.Adam(model.parameters()))
print(optim.AdamW(model.parameters(), lr=0.01))
print(optim.RMSprop(model.parameters()))
print(optim.Adagrad(model.parameters()))

opt, model = run(lambda m: optim.Adam(m.parameters(), lr=0.1))
sd = opt.state_dict()
print(sorted(sd.keys()), sd["param_groups"])
print(sd["state"][0]["step"], r(sd["state"][1]["exp_avg"]), r(sd["state"][1]["exp_avg_sq"]))

# resuming from a state dict gives the same trajectory as not stopping
torch.manual_seed(0)
a = nn.Linear(3, 2)
b = nn.Linear(3, 2)
b.load_state_dict(a.state_dict())
x = torch.randn(4, 3)
oa = optim.RMSprop(a.parameters(), lr=0.05, momentum=0.3)
ob = optim.RMSprop(b.parameters(), lr=0.05, momentum=0.3)
for step in range(3):
    for m, o in ((a, oa), (b, ob)):
        o.zero_grad()
        m(x).pow(2).sum().backward()
        o.step()
    if step == 1:
        ob2 = optim.RMSprop(b.parameters(), lr=0.9)
        ob2.load_state_dict(ob.state_dict())
        ob = ob2
print(r(a.weight), r(b.weight), ob.param_groups[0]["lr"])

# add_param_group, closures, per-group settings changed between steps
torch.manual_seed(1)
m = nn.Linear(2, 1)
extra = nn.Parameter(torch.ones(2))
opt = optim.SGD(m.parameters(), lr=0.1)
opt.add_param_group({"params": [extra], "lr": 0.01})
x = torch.randn(3, 2)
def closure():
    opt.zero_grad()
    loss = (m(x).sum() + (extra * 3).sum()) ** 2
    loss.backward()
    return loss
print(round(opt.step(closure).item(), 4))
opt.param_groups[0]["lr"] = 0.2
print(round(opt.step(closure).item(), 4), r(extra), r(m.weight))

for bad in (lambda: optim.SGD([], lr=0.1),
            lambda: optim.SGD(m.parameters(), lr=-1),
            lambda: optim.SGD(m.parameters(), lr=0.1, nesterov=True),
            lambda: optim.Adam(m.parameters(), betas=(1.0, 0.9)),
            lambda: optim.RMSprop(m.parameters(), alpha=-1),
            lambda: optim.SGD([m.weight, m.weight * 2], lr=0.1),
            lambda: optim.SGD([{"params": [m.weight]}, {"params": [m.weight]}], lr=0.1),
            lambda: optim.SGD(m.parameters(), lr=0.1, foo=1),
            lambda: optim.Adam(m.parameters(), lr=0.1).load_state_dict({"state": {}, "param_groups": []})):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
