# cumsum, cumprod, prod, std, var and norm: values, dtypes, keywords and gradients.
import torch

torch.manual_seed(1)
x = torch.randn(3, 4, requires_grad=True)
print(x.cumsum(0), x.cumsum(dim=1), torch.cumsum(x, -1))
print(x.cumprod(1), torch.cumprod(x, 0))
print(x.prod(), x.prod(0), x.prod(1, keepdim=True), torch.prod(x, dim=1))
i = torch.tensor([[3, 1, 2], [4, -5, 6]])
print(i.cumsum(1), i.cumprod(0), i.prod(), i.prod(1), torch.tensor([True, True, False]).cumsum(0))
print(i.cumsum(1, dtype=torch.float32), i.prod(dtype=torch.float32))
print(x.std(), x.var(), x.std(0), x.var(1), x.std(1, keepdim=True), x.var(0, False), x.std(False))
print(x.std(dim=(0, 1)), x.var(dim=[0], correction=0), x.std(1, correction=2), torch.std(x, 0), torch.var(x))
print(torch.tensor([1.0]).std(), torch.tensor([2.0, 4.0]).var(unbiased=False))
print(x.norm(), x.norm(1), x.norm(p=3), x.norm(dim=1), x.norm(2, 0, True), x.norm(float('inf')), x.norm(p=0))
print(x.norm(p='fro'), x.norm(dim=(0, 1)), torch.norm(x, dim=0), x.norm(float('-inf'), 1))
for name, f in [("cumsum", lambda: x.cumsum(0)), ("cumprod", lambda: x.cumprod(1)), ("prod", lambda: x.prod()),
                ("prod1", lambda: x.prod(1)), ("std", lambda: x.std()), ("var1", lambda: x.var(1)),
                ("std0", lambda: x.std(0, correction=0)), ("norm", lambda: x.norm()), ("norm1", lambda: x.norm(1, dim=1)),
                ("norm3", lambda: x.norm(3)), ("norminf", lambda: x.norm(float('inf'), dim=0))]:
    x.grad = None
    y = f()
    (y * torch.linspace(0.5, 1.5, y.numel()).reshape(y.shape)).sum().backward()
    print(name, y.grad_fn.name(), x.grad)
z = torch.tensor([2.0, 0.0, 3.0, 0.0, 5.0], requires_grad=True)
z.cumprod(0).sum().backward()
print(z.grad)
z.grad = None
z.prod().backward()
print(z.grad)
w = torch.tensor([[2.0, 0.0, 3.0], [1.0, 4.0, 0.5]], requires_grad=True)
w.prod(1).sum().backward()
print(w.grad)
for bad, run in [
        ("i.std()", lambda: i.std()),
        ("i.norm()", lambda: i.norm()),
        ("x.cumsum()", lambda: x.cumsum()),
        ("x.cumsum(2)", lambda: x.cumsum(2)),
        ("x.std(dim=(0, 0))", lambda: x.std(dim=(0, 0))),
        ("x.prod(bar=1)", lambda: x.prod(bar=1)),
]:
    try:
        run()
    except Exception as e:
        print(bad, type(e).__name__, str(e).splitlines()[0])
