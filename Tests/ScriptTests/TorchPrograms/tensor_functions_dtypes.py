# The element-wise, clamp, running and spread functions on float64, int32 and uint8 tensors.
import torch
torch.manual_seed(0)
x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
i = torch.tensor([[3, -1], [2, 5]], dtype=torch.int32)
u = torch.tensor([3, 0, 2], dtype=torch.uint8)
for name in ["sin", "cos", "tan", "atan", "sinh", "floor", "ceil", "round", "trunc", "frac", "sign", "square", "reciprocal", "log1p", "expm1"]:
    x.grad = None
    y = getattr(x, name)()
    y.sum().backward()
    print(name, y, x.grad)
print(x.abs().rsqrt(), x.abs().log2(), x.abs().log10(), x.round(decimals=2), x.clamp(-0.5, 0.5), x.clamp(min=0), torch.clip(x, max=0.25))
print(x.cumsum(0), x.cumprod(1), x.std(), x.var(1), x.std(0, correction=0), x.norm(), x.norm(1, dim=1), x.norm(float('inf')))
x.grad = None
(x.cumsum(0).sum() + x.cumprod(1).sum() + x.std() + x.var(1).sum() + x.norm() + x.clamp(-0.5, 0.5).sum()).backward()
print(x.grad)
print(i.sign(), i.square(), i.floor(), i.clamp(0, 3), i.clamp(min=0.5), i.cumsum(0), i.cumprod(1), i.sin(), u.sign(), u.square(), u.clamp(1, 2), u.cumsum(0))
y = torch.tensor([0.25, -1.5], dtype=torch.float64)
y.clamp_(-1, 1)
y.sin_()
print(y)
