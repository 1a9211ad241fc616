# Remainders and floor division (operators too), maximum/minimum, logical and NaN tests,
# argmin, masked_select, diag, trace, unique, bincount, counts, alpha= and sums over dims.
import torch

torch.manual_seed(5)
x = (torch.randn(3, 4) * 3).requires_grad_()
y = torch.tensor([1.5, -2.0, 2.5, -0.75])
print(x % 2, x // 2, -7 % torch.tensor([3, -3, 4]), torch.tensor([7, -7, 8]) // 3, 7.5 // y, 5 % y)
print(torch.remainder(x, y), torch.fmod(x, y), torch.floor_divide(x, y), x.remainder(-1.5), x.fmod(2))
print(torch.tensor([5, -5, 6]).fmod(-4), torch.tensor([5, -5, 6]).remainder(-4), torch.tensor([1.0, -1.0, 0.0]) % 0)
for name, f in [("remainder", lambda: x.remainder(y)), ("fmod", lambda: torch.fmod(x, y)), ("maximum", lambda: torch.maximum(x, y)),
                ("minimum", lambda: x.minimum(y)), ("max2", lambda: torch.max(x, y)), ("mod_op", lambda: x % 1.25)]:
    x.grad = None
    r = f()
    (r * torch.arange(12.0).reshape(3, 4)).sum().backward()
    print(name, r.grad_fn.name(), x.grad)
ties = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
torch.maximum(ties, torch.tensor([1.0, 5.0, 0.0])).sum().backward()
print(ties.grad)
print(torch.maximum(torch.tensor([1, 5, float('nan')]), torch.tensor([2, 4, 0])), torch.minimum(torch.tensor([1, 5]), torch.tensor([2, 4])))
z = torch.tensor([1.0, float('nan'), float('inf'), -float('inf'), 0.0])
print(z.isnan(), torch.isinf(z), torch.isfinite(z), torch.isnan(torch.tensor([1, 2])), z.isnan().any(), torch.any(z > 0), torch.all(z > -1))
a, b = torch.tensor([True, False, True, False]), torch.tensor([1, 1, 0, 0])
print(torch.logical_and(a, b), a.logical_or(b), torch.logical_xor(a, b), torch.logical_not(b), a.logical_not())
print(x.argmin(), x.argmin(1), torch.argmin(x, dim=0, keepdim=True), torch.tensor([3, 1, 1, 2]).argmin())
m = x > 0
print(x.masked_select(m), torch.masked_select(x, m[0]))
x.grad = None
x.masked_select(m).sum().backward()
print(x.grad)
v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(torch.diag(v), v.diag(1), torch.diag(x), x.diag(-1), x.diag(2), torch.trace(x), torch.arange(9).reshape(3, 3).trace())
(torch.diag(v, -1) * torch.arange(16.0).reshape(4, 4)).sum().backward()
print(v.grad)
x.grad = None
(x.diag(1).sum() + x.trace()).backward()
print(x.grad)
u = torch.tensor([3, 1, 2, 3, 1, 3, 7])
print(torch.unique(u), u.unique(return_counts=True), torch.unique(u, return_inverse=True), torch.unique(u, sorted=True, return_inverse=True, return_counts=True))
print(torch.unique(torch.tensor([[1.5, 0.5], [1.5, -2.0]])), torch.bincount(u), u.bincount(minlength=10), torch.bincount(torch.tensor([0, 2, 2]), weights=torch.tensor([0.5, 1.0, 2.0])))
print(torch.count_nonzero(x > 0), (x > 0).count_nonzero(dim=1), torch.count_nonzero(torch.eye(3), dim=(0, 1)), torch.argwhere(x > 2))
print(x.is_floating_point(), u.is_floating_point(), x.element_size(), u.element_size(), a.element_size(), x.nbytes, u.itemsize)
print(x.add(y, alpha=2), torch.tensor([1, 2]).add(torch.tensor([3, 4]), alpha=3), x.sub(y, alpha=0.5), torch.add(x, y, alpha=-1.5))
w = torch.ones(4)
w.add_(y, alpha=0.3)
print(w, torch.cat([x, x], axis=1).shape, torch.stack([y, y], axis=1).shape, x.sum(dim=(0, 1)), x.sum((0, 1), keepdim=True), x.mean(dim=[1, 0]), x.sum(axis=(1,)))
e = torch.tensor([0.5, 2.0, 4.0])
e.exp_()
print(e)
e.log_()
e.sqrt_()
e.pow_(2)
e.neg_()
e.abs_()
e.tanh_()
e.sigmoid_()
print(e, torch.get_default_device(), torch.set_default_device('cpu'))
for bad, run in [("int zero", lambda: torch.tensor([5]) % 0), ("alpha float", lambda: torch.tensor([1]).add(torch.tensor([2]), alpha=0.5)),
                 ("bincount negative", lambda: torch.bincount(torch.tensor([-1]))), ("bincount float", lambda: torch.bincount(y)),
                 ("diag 3d", lambda: torch.zeros(2, 2, 2).diag()), ("trace 1d", lambda: y.trace()), ("masked_select float mask", lambda: x.masked_select(x)),
                 ("leaf in-place", lambda: x.exp_()), ("floor_divide backward", lambda: (x // 2).sum().backward())]:
    try:
        run()
    except Exception as ex:
        print(bad, type(ex).__name__, str(ex).splitlines()[0])
