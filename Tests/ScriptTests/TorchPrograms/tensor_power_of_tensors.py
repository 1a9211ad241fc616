# Tensors raised to tensor exponents and numbers raised to tensors: values at full precision,
# dtypes, broadcasting, gradients of base and exponent, and PyTorch's errors.
import torch


def attempt(label, f):
    try:
        r = f()
        if isinstance(r, torch.Tensor) and r.is_floating_point():
            print(label, "->", r.dtype, r.shape, r.detach().flatten().tolist(), r.grad_fn.name() if r.grad_fn else None)
        else:
            print(label, "->", r)
    except Exception as e:
        print(label, "!", type(e).__name__, str(e).splitlines()[0] if str(e) else "")


torch.manual_seed(3)
i = torch.tensor([2, 3, -1, 0])
f = torch.tensor([2.0, 0.0, 0.5, -1.5])
b = torch.tensor([True, False, True, False])
base = torch.rand(5, 7) * 3
expo = torch.randn(5, 7)
attempt("int ** int", lambda: i ** torch.tensor([3, 2, 5, 0]))
attempt("int ** negative int", lambda: torch.tensor([2, 1, -1, -1, 0]) ** torch.tensor([-1, -3, -3, -4, -2]))
attempt("int ** float", lambda: i ** f)
attempt("float ** int", lambda: f ** i)
attempt("bool ** bool", lambda: b ** b)
attempt("bool ** int", lambda: b ** i)
attempt("int32 ** uint8", lambda: torch.tensor([2, 3], dtype=torch.int32) ** torch.tensor([2, 31], dtype=torch.uint8))
attempt("wrapping", lambda: torch.tensor([3]) ** torch.tensor([2**62 + 1]))
attempt("number ** int", lambda: 2 ** i)
attempt("float number ** int", lambda: 2.5 ** i)
attempt("number ** float", lambda: 2 ** f)
attempt("zero ** float", lambda: 0 ** f)
attempt("negative ** float", lambda: (-2) ** f)
attempt("torch.pow number", lambda: torch.pow(3, f))
attempt("torch.pow tensors", lambda: torch.pow(base, expo))
attempt("method pow", lambda: base.pow(expo))
attempt("0-d exponent", lambda: base ** torch.tensor(1.7))
attempt("0-d base", lambda: torch.tensor(1.3) ** expo)
attempt("broadcast row", lambda: base ** expo[0])
attempt("broadcast column", lambda: base ** expo[:, :1])
attempt("float64", lambda: base.double() ** expo)
attempt("large", lambda: (torch.rand(3, 50) * 4) ** torch.randn(50))
attempt("shape mismatch", lambda: base ** torch.ones(3))
x = torch.tensor([0.0, 1.5, 2.0, 0.7], requires_grad=True)
y = torch.tensor([0.0, 2.0, -1.0, 0.3], requires_grad=True)
z = x ** y
z.sum().backward()
# The exponent's gradient takes log(base), which PyTorch computes with MKL's float32 log
# here (not reproducible bit for bit): those gradients are compared to 5 decimals.
print("grads", x.grad.tolist(), [round(v, 5) for v in y.grad.tolist()], z.grad_fn.name())
x.grad = None
w = 3 ** x
w.sum().backward()
print("number base grad", [round(v, 6) for v in x.grad.tolist()], w.grad_fn.name())
x.grad = None
(0 ** x).sum().backward()
print("zero base grad", x.grad.tolist())
m = torch.rand(4, 3, requires_grad=True)
n = torch.randn(3, requires_grad=True)
(m ** n).sum().backward()
print("broadcast grads", m.grad.tolist(), [round(v, 5) for v in n.grad.tolist()])
t = torch.tensor([1.5, 2.0])
t.pow_(torch.tensor([2.0, 0.5]))
print("in place", t.tolist())
