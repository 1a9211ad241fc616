import torch
@torch.no_grad
def f(x): return x*2
x=torch.ones(1,requires_grad=True)
print(f(x).requires_grad)
@torch.no_grad()
def g(x): return x*2
print(g(x).requires_grad)
m=torch.set_grad_enabled(False); print(torch.is_grad_enabled(), m)
with m: print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.inference_mode(): print(torch.is_grad_enabled(), torch.is_inference_mode_enabled())
print(torch.is_inference_mode_enabled())
with torch.no_grad():
  torch.set_grad_enabled(True)
  print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
torch.set_grad_enabled(False)
y = x * 3
print(y.requires_grad)
torch.set_grad_enabled(True)
print((x*3).requires_grad)
