import torch
class Double(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        for t in ["ctx.set_materialize_grads()", "ctx.save_for_backward(x, foo=1)"]:
            try: eval(t)
            except TypeError as e: print(t, '->', e)
        ctx.save_for_backward(x)
        return x * 2
    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * 2
x = torch.ones(2, requires_grad=True)
Double.apply(x).sum().backward()
print(x.grad)
