import torch
x = torch.ones(2, 3); y = torch.arange(6.).view(2, 3)
r = torch.empty(2, 3)
print(torch.add(x, y, out=r), r)
z = torch.zeros(2, 3, dtype=torch.float64)
print(torch.mul(x, y, out=z).dtype, z)
print(torch.sum(y, 1, out=torch.empty(2)))
i = torch.empty(2, 3, dtype=torch.long)
try:
    torch.add(x, y, out=i)
except Exception as e: print(type(e).__name__, e)
w = torch.ones(2, 3, requires_grad=True)
try:
    torch.add(w, y, out=r)
except Exception as e: print(type(e).__name__, e)
with torch.no_grad():
    print(torch.add(w, y, out=r))
print(torch.tanh(y, out=torch.empty(2, 3)))
try:
    x.add(y, out=r)
except Exception as e: print(type(e).__name__, str(e).splitlines()[0])
