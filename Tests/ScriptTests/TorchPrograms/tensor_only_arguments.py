# Arguments PyTorch takes only as tensors (other of maximum, vec2 of outer, the @ operand):
# a number there is its TypeError, positional or keyword.
import torch
t = torch.tensor([1.0, 2.0])
m = torch.ones(2, 2)
for c in ["t.maximum(1)", "torch.maximum(t, 1)", "t.minimum(2.5)", "t.matmul(2)", "torch.matmul(t, [1, 2])", "torch.dot(t, 1)",
          "torch.outer(t, 2)", "torch.logical_and(t, 1)", "t.logical_and(True)", "torch.fmod(t, 2)", "torch.remainder(t, 2)",
          "m.mm(None)", "t.view_as([1, 2])", "t.type_as(1)", "torch.maximum(t, other=3)", "t.maximum(torch.tensor(1.5))",
          "t.expand_as(2)", "torch.masked_select(t, 1)", "t.allclose(1)", "t.equal(1)", "t @ 2"]:
    try: r = repr(eval(c)).replace("\n", " ")
    except Exception as e: r = "! %s: %s" % (type(e).__name__, str(e).splitlines()[0])
    print(c, "=>", r)
