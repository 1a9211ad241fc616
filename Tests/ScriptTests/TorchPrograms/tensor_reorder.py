# flip, roll, repeat, repeat_interleave, tril and triu, with their gradients.
import torch

torch.manual_seed(3)
x = torch.randn(2, 3, 4, requires_grad=True)
print(x.flip(0), x.flip(1, 2), torch.flip(x, [2]), x.flip(dims=(0, -1)))
print(x.roll(1), x.roll(-2, 2), torch.roll(x, (1, 1), (0, 1)), x.roll(shifts=5, dims=1))
print(x.repeat(2, 1, 1).shape, x[0].repeat(2, 2), x[0, 0].repeat(3), x[0].repeat(2, 1, 2).shape)
print(x[0].repeat_interleave(2), x[0].repeat_interleave(2, dim=0), x[0].repeat_interleave(torch.tensor([1, 0, 2]), dim=0))
print(torch.repeat_interleave(torch.tensor([1, 2, 3]), 2), torch.tensor([[1, 2], [3, 4]]).repeat_interleave(torch.tensor([1, 2]), dim=1))
m = torch.arange(1.0, 13.0).reshape(3, 4)
print(m.tril(), m.triu(), m.tril(-1), m.triu(2), torch.tril(m, 1), x.tril().shape, torch.ones(2, 3, 3).triu(1))
for name, f in [("flip", lambda: x.flip(0, 2)), ("roll", lambda: x.roll(1, 1)), ("rollflat", lambda: x.roll(3)),
                ("repeat", lambda: x.repeat(1, 2, 1)), ("interleave", lambda: x.repeat_interleave(2, dim=1)),
                ("interleave_tensor", lambda: x.repeat_interleave(torch.tensor([2, 0, 1]), dim=1)),
                ("tril", lambda: x.tril()), ("triu", lambda: x.triu(1))]:
    x.grad = None
    y = f()
    (y * torch.arange(y.numel()).reshape(y.shape)).sum().backward()
    print(name, y.grad_fn.name(), x.grad)
print(torch.tensor(3.0).flip(0), torch.zeros(0, 2).roll(1, 0), torch.tensor([True, False]).repeat(2))
for bad, run in [
        ("x.flip(0, 0)", lambda: x.flip(0, 0)),
        ("x.flip(3)", lambda: x.flip(3)),
        ("x.roll(1, (0, 1))", lambda: x.roll(1, (0, 1))),
        ("x.repeat(2)", lambda: x.repeat(2)),
        ("x.repeat(-1, 1, 1)", lambda: x.repeat(-1, 1, 1)),
        ("x[0].repeat_interleave(torch.tensor([1, 2]), dim=0)", lambda: x[0].repeat_interleave(torch.tensor([1, 2]), dim=0)),
        ("torch.tensor([1.0]).tril()", lambda: torch.tensor([1.0]).tril()),
        ("x.flip()", lambda: x.flip()),
]:
    try:
        run()
    except Exception as e:
        print(bad, type(e).__name__, str(e).splitlines()[0])
