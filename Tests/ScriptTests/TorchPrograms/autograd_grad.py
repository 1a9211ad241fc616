import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor(3.0, requires_grad=True)
z = (x * x).sum() * y
print(torch.autograd.grad(z, x, retain_graph=True))
print(torch.autograd.grad(z, [x, y], retain_graph=True))
print(torch.autograd.grad(outputs=[z], inputs=(y,)))
print(x.grad, y.grad)

# .grad held before stays as it was, and is not written through
x.grad = torch.tensor([100.0, 100.0])
held = x.grad
h = torch.tanh(x * 3)
inner = h * 2
out = (inner ** 2).sum()
print(torch.autograd.grad(out, [x, inner, h], retain_graph=True))
print(x.grad is held, held, h.grad)
out.backward()
print(x.grad)

w = torch.ones(2, requires_grad=True)
for f in [lambda: torch.autograd.grad((x * 2).sum(), [x, w]),
          lambda: torch.autograd.grad((x * 2).sum(), [x, w], allow_unused=True),
          lambda: torch.autograd.grad((x * 2).sum(), [x, w], allow_unused=True, materialize_grads=True),
          lambda: torch.autograd.grad((x * 2).sum(), torch.ones(2)),
          lambda: torch.autograd.grad(torch.ones(2).sum(), x),
          lambda: torch.autograd.grad(x * 2, x),
          lambda: torch.autograd.grad(x * 2, x, grad_outputs=torch.tensor([1.0, 10.0])),
          lambda: torch.autograd.grad([x.sum(), (x * x).sum()], x),
          lambda: torch.autograd.grad(x.sum(), x),
          lambda: torch.autograd.grad(x, x, grad_outputs=torch.ones(2))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(w.grad)
