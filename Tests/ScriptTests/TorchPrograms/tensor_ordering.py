# sort, argsort and topk: values, indices, ties, NaN, integer and boolean tensors, gradients.
import torch

torch.manual_seed(0)
x = torch.randn(3, 5, requires_grad=True)
print(x.sort())
print(x.sort(dim=0, descending=True))
print(torch.sort(x, 1, True).indices)
print(x.argsort(), torch.argsort(x, dim=0))
print(x.topk(3))
print(torch.topk(x, 2, dim=0, largest=False))
print(x.topk(1, 1, True, True).values)
values, indices = x.topk(2)
print(values.grad_fn.name(), x.sort()[0].grad_fn.name())
(values * torch.arange(2.0)).sum().backward()
print(x.grad)
x.grad = None
x.sort(0, descending=True).values[0].sum().backward()
print(x.grad)

ties = torch.tensor([3, 1, 2, 1, 3, 2, 1])
print(ties.sort(), ties.sort(descending=True), ties.sort(stable=True))
print(ties.argsort(), torch.tensor([5, 1, 4, 2]).topk(3))  # the order of equal values in topk is unspecified
print(torch.tensor([True, False, True, False]).sort())
nans = torch.tensor([1.0, float('nan'), -2.0, float('inf'), float('nan'), 0.0])
print(nans.sort(), nans.sort(descending=True), nans.topk(2), nans.topk(2, largest=False))
print(torch.tensor(5.0).sort(), torch.tensor(2.5).topk(1))
print(torch.zeros(2, 0).sort(1), torch.zeros(0).topk(0))
print(x.sort(axis=0).indices)
for bad, run in [
        ("x.topk(6)", lambda: x.topk(6)),
        ("x.topk(-1)", lambda: x.topk(-1)),
        ("x.sort(dim=2)", lambda: x.sort(dim=2)),
        ("x.sort(foo=1)", lambda: x.sort(foo=1)),
        ("x.topk(2, dim=-3)", lambda: x.topk(2, dim=-3)),
        ("x.topk()", lambda: x.topk()),
]:
    try:
        run()
    except Exception as e:
        print(bad, type(e).__name__, str(e).splitlines()[0])
