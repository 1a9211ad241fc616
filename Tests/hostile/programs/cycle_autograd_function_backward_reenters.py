import torch
class R(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 1
    @staticmethod
    def backward(ctx, g):
        with torch.enable_grad():
            R.apply(torch.ones(1, requires_grad=True)).sum().backward()
        return g
R.apply(torch.ones(1, requires_grad=True)).sum().backward()
