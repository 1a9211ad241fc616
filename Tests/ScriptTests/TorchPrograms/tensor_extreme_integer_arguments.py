# Tensor functions called with integers at the ends of int64: PyTorch's result or error,
# never a crash.
import torch


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, str(e).splitlines()[0] if str(e) else "")


big, small = 2**63 - 1, -2**63
m = torch.arange(6.0).reshape(2, 3)
v = torch.arange(3.0)
attempt("chunk big", lambda: torch.chunk(m, big))
attempt("chunk big dim1", lambda: m.chunk(big, 1))
attempt("diag vector big", lambda: torch.diag(v, big))
attempt("diag vector small", lambda: torch.diag(v, small))
attempt("diag matrix big", lambda: torch.diag(m, big))
attempt("diag matrix small", lambda: torch.diag(m, small))
scalar = torch.tensor(5.0)
attempt("roll 0-d dims", lambda: torch.roll(scalar, 0, 0))
attempt("roll 0-d dims -1", lambda: scalar.roll(3, -1))
attempt("roll 0-d flat", lambda: torch.roll(scalar, 1))
attempt("roll big shift", lambda: torch.roll(m, big, 1))
attempt("topk 0-d k0", lambda: torch.topk(scalar, 0))
attempt("topk 0-d k1", lambda: torch.topk(scalar, 1))
attempt("topk 0-d k2", lambda: torch.topk(scalar, 2))
attempt("topk 0-d dim0", lambda: torch.topk(scalar, 1, 0))
attempt("topk 0-d dim1", lambda: torch.topk(scalar, 1, 1))
attempt("topk 0-d grad", lambda: torch.topk(torch.tensor(2.0, requires_grad=True), 1).values)
attempt("topk big k", lambda: torch.topk(v, big))
attempt("topk small k", lambda: torch.topk(v, small))
import torch.nn.functional as F
x2, w2 = torch.arange(6.0).reshape(2, 3), torch.arange(12.0).reshape(4, 3)
attempt("linear 0-d weight", lambda: F.linear(v, torch.tensor(0.5)))
attempt("linear vector weight", lambda: F.linear(x2, v))
attempt("linear vector both", lambda: F.linear(v, v))
attempt("linear 3-d weight", lambda: F.linear(v, torch.zeros(2, 3, 4)))
attempt("linear long bias", lambda: F.linear(x2, w2, torch.arange(5.0)))
attempt("linear 0-d bias", lambda: F.linear(x2, w2, torch.tensor(1.0)))
attempt("linear row bias", lambda: F.linear(x2, w2, torch.arange(4.0).reshape(1, 4)))
attempt("embedding 0-d weight", lambda: F.embedding(torch.tensor(0), torch.tensor(0.0)))
attempt("embedding vector weight", lambda: F.embedding(torch.tensor([0]), v))
attempt("embedding 3-d weight", lambda: F.embedding(torch.tensor([1]), torch.zeros(3, 2, 2)))
attempt("one_hot largest class", lambda: F.one_hot(torch.tensor([big])))
attempt("one_hot huge classes", lambda: F.one_hot(torch.tensor([3]), big))
attempt("one_hot negative classes", lambda: F.one_hot(torch.tensor([3]), -2))
