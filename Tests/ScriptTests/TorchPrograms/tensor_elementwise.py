# Trigonometric, rounding and logarithmic functions, clamp and their in-place forms.
import torch

torch.manual_seed(2)
x = (torch.rand(2, 5) * 1.6 - 0.8).requires_grad_()
for name in ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "floor", "ceil", "round", "trunc",
             "frac", "sign", "square", "reciprocal", "rsqrt", "log1p", "expm1", "log2", "log10"]:
    x.grad = None
    source = x.abs() + 0.1 if name in ("rsqrt", "log2", "log10") else x
    y = getattr(source, name)()
    y.sum().backward()
    print(name, y, getattr(torch, name)(source).equal(y), x.grad)
i = torch.tensor([-3, 0, 2, 7])
print(i.floor(), i.ceil(), i.round(), i.trunc(), i.sign(), i.square(), i.sin(), i.reciprocal(), torch.tensor([True, False]).sign())
print(torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, 1.2345, 123.456]).round(), torch.tensor([1.2345, 123.456, -0.55]).round(decimals=2))
print(torch.tensor([1234.5, 55.0]).round(decimals=-1), torch.tensor([float('nan'), -0.0, float('inf')]).sign())
x.grad = None
y = x.clamp(-0.3, 0.4)
y.sum().backward()
print(y, y.grad_fn.name(), x.grad)
print(x.clamp(min=0.1), x.clamp(max=-0.1), torch.clamp(x, -0.2, 0.2), x.clip(0, 0.5), torch.clip(x, min=0.0))
print(x.clamp(0.5, -0.5), torch.tensor([float('nan'), 2.0]).clamp(0, 1), i.clamp(0, 3), i.clamp(min=0.5), i.clamp(max=torch.tensor(1)))
y = torch.tensor([0.25, -1.5, 3.75])
y.clamp_(-1, 1)
print(y)
y.sin_()
print(y)
y.floor_()
print(y)
j = torch.tensor([1, -4, 9])
j.clamp_(0, 5)
print(j)
for bad, run in [
        ("x.clamp()", lambda: x.clamp()),
        ("i.frac()", lambda: i.frac()),
        ("j.sin_()", lambda: j.sin_()),
        ("x.clamp(min='a')", lambda: x.clamp(min='a')),
        ("x.detach().sin(1)", lambda: x.detach().sin(1)),
]:
    try:
        run()
    except Exception as e:
        print(bad, type(e).__name__, str(e).splitlines()[0])
