import copy

import torch
import torch.nn as nn


def train(model, opt, steps, x, y):
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
        losses.append(round(loss.item(), 6))
    return losses


def same_state(a, b):
    sa, sb = a.state_dict(), b.state_dict()
    if sa['param_groups'] != sb['param_groups'] or list(sa['state']) != list(sb['state']):
        return False
    return all(list(sa['state'][i]) == list(sb['state'][i])
               and all(torch.equal(sa['state'][i][k], sb['state'][i][k]) for k in sa['state'][i]) for i in sa['state'])


torch.manual_seed(0)
x, y = torch.randn(8, 3), torch.randn(8, 2)
makers = [
    lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
    lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99)),
    lambda p: torch.optim.AdamW(p, lr=0.01),
    lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5, centered=True),
    lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01),
]
for make in makers:
    torch.manual_seed(1)
    model = nn.Linear(3, 2)
    opt = make(model.parameters())
    train(model, opt, 3, x, y)
    clone = copy.deepcopy(opt)
    print(type(clone).__name__, clone is opt, clone.param_groups is opt.param_groups, clone.defaults == opt.defaults)
    print(repr(clone) == repr(opt))
    params = clone.param_groups[0]['params']
    print([p is q for p, q in zip(params, model.parameters())], [torch.equal(p, q) for p, q in zip(params, model.parameters())])
    print([type(p).__name__ for p in params], [p.grad for p in params], [p.requires_grad for p in params])
    print(same_state(clone, opt), [k is p for k, p in zip(clone.state, params)])
    # The copy updates its own parameters from its own state; the original keeps its own.
    before = [p.detach().clone() for p in model.parameters()]
    for p in params:
        p.grad = torch.ones_like(p)
    clone.step()
    print([torch.equal(a, b) for a, b in zip(before, model.parameters())], [torch.equal(a, b) for a, b in zip(before, params)])
    # Copied together, the optimizer's parameters are the copied model's (the memo holds them),
    # and both pairs train alike from here.
    model2, opt2 = copy.deepcopy((model, opt))
    print([p is q for p, q in zip(opt2.param_groups[0]['params'], model2.parameters())])
    print(train(model, opt, 3, x, y) == train(model2, opt2, 3, x, y), same_state(opt, opt2))
    print([torch.equal(a, b) for a, b in zip(model.parameters(), model2.parameters())])

# Several groups, each with its own settings; a memo given by the caller.
torch.manual_seed(2)
model = nn.Linear(3, 2)
opt = torch.optim.SGD([{'params': [model.weight]}, {'params': [model.bias], 'lr': 0.01}], lr=0.1, momentum=0.9)
train(model, opt, 2, x, y)
memo = {}
clone = copy.deepcopy(opt, memo)
print(clone)
print([g['lr'] for g in clone.param_groups], len(clone.state), id(opt) in memo, memo[id(opt)] is clone)
print(clone.param_groups[0]['params'][0] is memo[id(model.weight)])
clone.param_groups[1]['lr'] = 0.5
print([g['lr'] for g in opt.param_groups])
clone.add_param_group({'params': [torch.zeros(2, requires_grad=True)]})
print(len(opt.param_groups), len(clone.param_groups))

# An optimizer that has not stepped copies without state.
fresh = torch.optim.Adam(nn.Linear(2, 2).parameters())
print(len(copy.deepcopy(fresh).state), copy.deepcopy(fresh).state_dict()['param_groups'] == fresh.state_dict()['param_groups'])

# L-BFGS copies what Optimizer.__getstate__ gives: defaults, state and param_groups.
torch.manual_seed(3)
model = nn.Linear(3, 1)
target = torch.randn(8, 1)
opt = torch.optim.LBFGS(model.parameters(), lr=0.5, max_iter=4)


def closure():
    opt.zero_grad()
    loss = ((model(x) - target) ** 2).mean()
    loss.backward()
    return loss


opt.step(closure)
clone = copy.deepcopy(opt)
print(type(clone).__name__, sorted(clone.state[clone.param_groups[0]['params'][0]].keys()))
print(clone.state[clone.param_groups[0]['params'][0]]['n_iter'], repr(clone) == repr(opt))
print(sorted(k for k in vars(clone) if not k.startswith('_optimizer') and k not in ('_zero_grad_profile_name', '_patch_step_function')))
try:
    clone.step(closure)
except AttributeError as e:
    print('AttributeError', e)

# copy.copy shares the parameters and state.
print(copy.copy(opt).param_groups[0]['params'][0] is opt.param_groups[0]['params'][0])
