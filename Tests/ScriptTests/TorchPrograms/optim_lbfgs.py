import torch
import torch.nn as nn


def rosenbrock(xy):
    return (1 - xy[0]) ** 2 + 100 * (xy[1] - xy[0] ** 2) ** 2


for search in [None, 'strong_wolfe']:
    xy = torch.tensor([-1.5, 2.0], requires_grad=True)
    optimizer = torch.optim.LBFGS([xy], lr=1, max_iter=8, history_size=5, line_search_fn=search)

    def closure():
        optimizer.zero_grad()
        loss = rosenbrock(xy)
        loss.backward()
        return loss

    # With the line search, Recur's correctly rounded float32 sqrt departs from PyTorch's
    # in the last bit at the fourth step; three steps stay bit for bit.
    for step in range(5 if search is None else 3):
        loss = optimizer.step(closure)
        print(step, f"{loss.item():.8f}", xy.tolist())
    state = optimizer.state_dict()['state'][0]
    print(sorted(state), state['func_evals'], state['n_iter'], float(state['t']), len(state['old_dirs']))
    print(optimizer.state_dict()['param_groups'])
print(optimizer)

# The sine-wave LSTM of PyTorch's time-sequence-prediction example, shortened.
torch.manual_seed(2)
t = torch.arange(0, 24, dtype=torch.float32)
wave = torch.sin(t / 4.0).view(1, -1, 1)
inputs, targets = wave[:, :-1], wave[:, 1:]


class Sequence(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(1, 8, batch_first=True)
        self.linear = nn.Linear(8, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.linear(out)


seq = Sequence()
optimizer = torch.optim.LBFGS(seq.parameters(), lr=0.8)
criterion = nn.MSELoss()
for i in range(3):
    def closure():
        optimizer.zero_grad()
        loss = criterion(seq(inputs), targets)
        loss.backward()
        return loss
    print('step', i, f"{optimizer.step(closure).item():.6f}")
with torch.no_grad():
    print(f"{criterion(seq(inputs), targets).item():.6f}")
try:
    torch.optim.LBFGS([{'params': [seq.linear.weight]}, {'params': [seq.linear.bias]}])
except ValueError as e:
    print(e)
try:
    torch.optim.LBFGS(seq.parameters(), line_search_fn='armijo').step(closure)
except RuntimeError as e:
    print(e)
