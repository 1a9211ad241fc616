import torch


class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input


torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
w = torch.randn(4, 2, requires_grad=True)
y = MyReLU.apply(x.mm(w))
print(y)
print(y.grad_fn.name(), y.requires_grad, y.is_leaf)
y.sum().backward()
print(x.grad)
print(w.grad)


class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, factor, b):
        ctx.factor = factor
        print("needs", ctx.needs_input_grad)
        return a * factor + b

    @staticmethod
    def backward(ctx, g):
        return g * ctx.factor, None, g


a = torch.ones(2, requires_grad=True)
b = torch.zeros(2)
out = Scale.apply(a, 3.0, b)
out.backward(torch.tensor([1.0, 2.0]))
print(out, a.grad, b.grad)
print(Scale.apply(torch.ones(2), 2.0, b))
with torch.no_grad():
    print(Scale.apply(a, 2.0, b).requires_grad)


class WrongCount(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        return g, g


try:
    WrongCount.apply(a).sum().backward()
except RuntimeError as e:
    print("RuntimeError", e)


class Raising(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a + 1

    @staticmethod
    def backward(ctx, g):
        raise ValueError("no gradient here")


try:
    Raising.apply(a).sum().backward()
except ValueError as e:
    print("ValueError", e)


class Legacy(torch.autograd.Function):
    def forward(self, a):
        return a


try:
    Legacy.apply(a)
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result


z = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
e = Exp.apply(z)
(e * e).sum().backward()
print(e, z.grad)
print(torch.autograd.grad(Exp.apply(z).sum(), z))
