# Backpropagation through time by hand: an Elman RNN written with tensors and
# requires_grad, trained with gradients from backward() and a manual update, then checked
# against nn.RNN with the same weights (in the style of introductory autograd lessons).
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(5)
seq = torch.tensor([[0.5], [-0.2], [0.1], [0.7]])
target = torch.tensor([0.3])

W_xh = Variable(torch.randn(1, 3) * 0.5, requires_grad=True)
W_hh = Variable(torch.randn(3, 3) * 0.5, requires_grad=True)
b_h = torch.zeros(3, requires_grad=True)
W_hy = torch.randn(3, 1, requires_grad=True)
params = [W_xh, W_hh, b_h, W_hy]


def forward(xs):
    h = torch.zeros(1, 3)
    for x in xs:
        h = torch.tanh(x.view(1, 1) @ W_xh + h @ W_hh + b_h)
    return (h @ W_hy).view(1), h


for step in range(6):
    y, h = forward(seq)
    loss = (y - target).pow(2).mean()
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= 0.1 * p.grad
            p.grad.zero_()
    print('step {}: loss {:.6f}'.format(step, loss.item()))

print(W_xh.grad, W_xh.is_leaf, loss.grad_fn is not None, y.requires_grad)
print(h.grad_fn.name(), y.grad_fn.name())

rnn = nn.RNN(1, 3, batch_first=True)
with torch.no_grad():
    rnn.weight_ih_l0.copy_(W_xh.t())
    rnn.weight_hh_l0.copy_(W_hh.t())
    rnn.bias_ih_l0.copy_(b_h)
    rnn.bias_hh_l0.zero_()
out, h_n = rnn(seq.view(1, 4, 1))
_, h_mine = forward(seq)
print(torch.allclose(h_n.view(1, 3), h_mine, atol=1e-6))

x = torch.tensor(2.0, requires_grad=True)
z = x ** 3 + 2 * x
dz_dx, = torch.autograd.grad(z, x, create_graph=False)
print(dz_dx, x.grad)
v = torch.ones(3, requires_grad=True)
w = v * torch.tensor([1., 2., 3.])
w.backward(gradient=torch.tensor([0.1, 1.0, 0.01]))
print(v.grad)
print(Variable(torch.ones(2), volatile=True).requires_grad)
