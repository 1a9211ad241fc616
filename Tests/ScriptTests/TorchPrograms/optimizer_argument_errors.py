import torch
t=torch.zeros(2, requires_grad=True)
o=torch.optim.SGD([t], lr=1)
a=torch.optim.Adam([t])
s=torch.optim.lr_scheduler.StepLR(o, 1)
p=torch.optim.lr_scheduler.ReduceLROnPlateau(o)
for x in ["o.step(foo=1)","o.step(1,2)","o.zero_grad(foo=1)","o.zero_grad(1,2)","o.add_param_group()","o.state_dict(1)","o.load_state_dict()","a.step(foo=1)","s.step(foo=1)","s.step(1,2)","s.get_last_lr(1)","p.step()","p.step(1,2,3)","p.step(foo=1)", "p.get_last_lr(2)"]:
    try: eval(x)
    except TypeError as e: print(x, "->", e)
o.zero_grad(set_to_none=False)
print(t.grad)
p.step(metrics=1.0)
print(p.get_last_lr(), s.get_last_lr(), s.last_epoch, p.best)
