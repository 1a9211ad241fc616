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
