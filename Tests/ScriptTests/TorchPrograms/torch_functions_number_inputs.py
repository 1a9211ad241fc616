# torch functions given a Python number (or a list) where PyTorch wants a tensor: the few that
# take one compute, the others raise PyTorch's TypeError (or AttributeError for those written
# in Python).
import torch

t = torch.tensor([1.0, 2.0])
cases = ["torch.abs(1)", "torch.exp(1.0)", "torch.sum(1)", "torch.add(1, 2)", "torch.add(1, t)", "torch.mul(2, t)",
         "torch.sub(True, t)", "torch.div(1, t)", "torch.max(1)", "torch.sin(0.5)", "torch.pow(2, t)", "torch.pow(2, 3)",
         "torch.remainder(2, t)", "torch.remainder(2, 3)", "torch.floor_divide(2, t)", "torch.where(t > 1, 1, 0)",
         "torch.clamp(1, 0, 2)", "torch.cat([1, 2])", "torch.stack([t, 1])", "torch.matmul(1, t)", "torch.argmax(3)",
         "torch.softmax(1.0, 0)", "torch.sigmoid(1.0)", "torch.tanh(0)", "torch.eq(1, t)", "torch.roll(0, 0, 0)",
         "torch.topk(0, 0)", "torch.flatten(3)", "torch.numel(3)", "torch.is_tensor(3)", "torch.zeros_like(1)",
         "torch.ones_like([1])", "torch.sqrt(4)", "torch.mean(1.0)", "torch.squeeze(1)", "torch.reshape(1, (1,))",
         "torch.transpose(1, 0, 0)", "torch.norm(2)", "torch.split(2, 1)", "torch.abs([1, -2])", "torch.sum([1, 2])",
         "torch.std(1)", "torch.lt(2, t)", "torch.add(t, 1)", "torch.lt(t, 2)"]
for c in cases:
    try:
        r = repr(eval(c)).replace("\n", " ")
    except Exception as e:
        r = "! %s: %s" % (type(e).__name__, str(e).splitlines()[0])
    print(c, "=>", r)
