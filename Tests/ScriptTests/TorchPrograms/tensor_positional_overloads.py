import torch
p = torch.ones(3)
g = torch.tensor([1., 2., 3.])
p.add_(-0.5, g)
print(p)
print(p.add(2, g), p.sub(2, g), torch.add(p, 2, g))
p.sub_(2, g)
print(p)
try:
    p.add_(g, g)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
try:
    p.mul_(2, g)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])

p = torch.ones(2)
for f in (lambda: torch.add(p, p, p), lambda: torch.mul(p, 2, p), lambda: p.div(1, 2), lambda: p.add(1, 2)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[0])
for f in (lambda: p.eq(1, 2), lambda: p.mul_(1,2), lambda: torch.eq(p, p, p), lambda: p.matmul(p, p)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[0])
