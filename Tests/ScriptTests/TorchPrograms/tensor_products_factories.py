# mm, bmm, dot, outer and einsum; linspace and logspace; new_* and type conversions.
import torch

torch.manual_seed(4)
a = torch.randn(2, 3, requires_grad=True)
b = torch.randn(3, 4, requires_grad=True)
c = torch.randn(5, 2, 3)
d = torch.randn(5, 3, 2)
print(a.mm(b), torch.mm(a, b).grad_fn.name(), torch.bmm(c, d), c.bmm(d).shape)
print(a[0].dot(b[:, 0]), torch.dot(b[0], b[1]), torch.outer(a[0], b[0]), a[1].outer(b[2]).grad_fn.name())
print(torch.einsum('ij,jk->ik', a, b), torch.einsum('ij,jk', a, b).shape, torch.einsum('ij->ji', a))
print(torch.einsum('bij,bjk->bik', c, d), torch.einsum('ij->', a), torch.einsum('ij->j', a), torch.einsum('i,j->ij', a[0], b[0]))
print(torch.einsum('bij,bkj->bik', c, c), torch.einsum('ij,ij->i', a, a), torch.einsum('ij,ij->ij', a, a), torch.einsum('i,i', a[0], a[0]))
print(torch.einsum('ij,kl->ijkl', a, a).shape, torch.einsum('bi,ij->bj', [a, b]), torch.einsum('ji', a))
(torch.einsum('ij,jk->ik', a, b).sum() + torch.einsum('ij,ij->i', a, a).sum() + a.mm(b).pow(2).sum() + a[0].dot(b[:, 1])).backward()
print(a.grad, b.grad)
print(torch.linspace(0, 1, 5), torch.linspace(-3.3, 7.1, 11).tolist(), torch.linspace(2, 2, 1), torch.linspace(0, 1, 0))
print(torch.linspace(1, 10, 10).tolist(), torch.linspace(10, -10, steps=7), torch.linspace(0.1, 0.9, 100)[37:40].tolist())
print(torch.logspace(0, 2, 5), torch.logspace(-2, 2, 9, base=2.0).tolist(), torch.logspace(0, 1, 3, 3), torch.linspace(0, 1, 3, requires_grad=True))
print(a.new_zeros(2, 3), a.new_ones((2,)), a.new_full((2, 2), 3.5), a.new_tensor([1, 2]), a.new_zeros(2, dtype=torch.long))
print(a.new_empty(3).shape, torch.tensor([1, 2]).new_ones(3), torch.tensor([1, 2]).new_full((2,), 7), a.new_zeros(1, requires_grad=True))
print(a.type(), torch.tensor([1]).type(), torch.tensor([True]).type(), a.type(torch.long), a.type('torch.LongTensor'), torch.tensor([3]).type(torch.FloatTensor))
print(a.type_as(torch.tensor([1])), b.view_as(torch.zeros(4, 3)).shape, b.reshape_as(torch.zeros(2, 6)).shape, a[0:1].expand_as(torch.zeros(4, 3)).shape)
for bad, run in [
        ("a.mm(a)", lambda: a.mm(a)),
        ("torch.mm(a[0], b)", lambda: torch.mm(a[0], b)),
        ("torch.bmm(a, b)", lambda: torch.bmm(a, b)),
        ("torch.bmm(c, c)", lambda: torch.bmm(c, c)),
        ("a[0].dot(b[0])", lambda: a[0].dot(b[0])),
        ("torch.dot(a, a)", lambda: torch.dot(a, a)),
        ("torch.einsum('ij,jk->ix', a, b)", lambda: torch.einsum('ij,jk->ix', a, b)),
        ("torch.einsum('ij,jk->ik', a)", lambda: torch.einsum('ij,jk->ik', a)),
        ("torch.einsum('ijk,jk', a, b)", lambda: torch.einsum('ijk,jk', a, b)),
        ("torch.linspace(0, 1, -1)", lambda: torch.linspace(0, 1, -1)),
        ("a.type('torch.Foo')", lambda: a.type('torch.Foo')),
        ("a.mm(b, foo=1)", lambda: a.mm(b, foo=1)),
        ("a.view_as(b)", lambda: a.view_as(b)),
]:
    try:
        run()
    except Exception as e:
        print(bad, type(e).__name__, str(e).splitlines()[0])
