import torch
d = torch.float32
print(d.is_floating_point, d.is_signed, d.itemsize, d.is_complex, d.to_real(), torch.int64.is_signed, torch.bool.is_signed, torch.int64.itemsize)
for t in ["d.to_real(1)", "d.to_complex(x=1)"]:
    try: eval(t)
    except TypeError as e: print(t, '->', e)
print(torch.device('cpu').type, torch.device('cpu').index)
print(torch.device('cpu:0'), torch.device('cpu:0').index)
print(repr(torch.device('cpu:0')), repr(torch.device('cpu', 0)), torch.device('cpu', 0) == torch.device('cpu:0'), torch.device('cpu') == torch.device('cpu:0'))
for t in ["torch.device('cpu:0', 1)", "torch.device('cpu', -1)"]:
    try: eval(t)
    except (ValueError, RuntimeError) as e: print(t, '->', type(e).__name__, e)
