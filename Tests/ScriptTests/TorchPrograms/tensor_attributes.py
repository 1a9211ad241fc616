import io

import torch

t = torch.arange(3.)
t.extra = 1
t.note = 'weights'
print(t.extra, t.note, t.name)
v = t[1:]
print(hasattr(v, 'extra'), hasattr(t.detach(), 'note'))
t.extra += 1
print(t.extra)
p = torch.nn.Parameter(torch.ones(2))
p.tag = 'bias'
print(p.tag)
buf = io.BytesIO()
torch.save({'t': t, 'p': p}, buf)
buf.seek(0)
back = torch.load(buf)
print(back['t'].extra, back['t'].note, back['p'].tag, back['t'])
for name in ['shape', 'name', 'is_leaf']:
    try:
        setattr(t, name, 1)
    except AttributeError as e:
        print(e)
try:
    print(t.missing)
except AttributeError as e:
    print(e)
