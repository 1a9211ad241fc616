import torch
class S(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.keep = ctx
        ctx.save_for_backward(a, a)
        return a * 1
    @staticmethod
    def backward(ctx, g):
        return ctx
y = S.apply(torch.ones(1, requires_grad=True))
y.sum().backward()
