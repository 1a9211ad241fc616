import io
import torch

class Point:
    def __init__(self, x):
        print('init called')
        self.x = x
        self.label = 'p'

class Empty:
    pass

class Stateful:
    def __init__(self):
        self.v = 1
    def __getstate__(self):
        return {'v': self.v * 10}
    def __setstate__(self, state):
        print('setstate', state)
        self.v = state['v'] + 1

def roundtrip(obj, **kw):
    buf = io.BytesIO()
    torch.save(obj, buf)
    buf.seek(0)
    try:
        return torch.load(buf, **kw)
    except Exception as e:
        print(type(e).__name__ + ':', e)

start = torch.serialization.get_safe_globals()
obj = {'p': Point(torch.ones(2)), 'e': Empty(), 'w': torch.zeros(1)}
print(roundtrip(obj))
torch.serialization.add_safe_globals([Point])
print(roundtrip(obj))
print([g for g in torch.serialization.get_safe_globals() if g not in start] == [Point])
with torch.serialization.safe_globals([Empty]):
    got = roundtrip(obj)
    print(type(got['p']).__name__, got['p'].x, got['p'].label, type(got['e']).__name__, vars(got['e']), got['w'])
    print(len(torch.serialization.get_safe_globals()) - len(start))
print([g for g in torch.serialization.get_safe_globals() if g not in start] == [Point])
torch.serialization.clear_safe_globals()
print(torch.serialization.get_safe_globals())
torch.serialization.add_safe_globals([(Point, 'somewhere.Pt')])
print(roundtrip(Point(1)))
torch.serialization.add_safe_globals([(Point, '__main__.Point')])
back = roundtrip([Point(1), Point(2)])
print([p.x for p in back])
torch.serialization.clear_safe_globals()
torch.serialization.add_safe_globals([Stateful])
print(roundtrip(Stateful()).v)
torch.serialization.add_safe_globals([(Point, 'a', 'b')])
print(roundtrip(Point(1)))
torch.serialization.clear_safe_globals()
torch.serialization.add_safe_globals([(Point, 3)])
print(roundtrip(Point(1)))
torch.serialization.clear_safe_globals()


def scale(t, k):
    return t * k


torch.serialization.add_safe_globals([scale])
print(torch.serialization.get_safe_globals() == [scale])
torch.serialization.clear_safe_globals()
with torch.serialization.safe_globals([Point, Empty]) as entered:
    print(entered, len(torch.serialization.get_safe_globals()))
    buf = io.BytesIO()
    torch.save({'cls': Point, 'many': [Empty(), Empty()]}, buf)
    buf.seek(0)
    back = torch.load(buf)
    print(back['cls'] is Point, [type(e).__name__ for e in back['many']], back['many'][0] is back['many'][1])
print(torch.serialization.get_safe_globals())
