import collections


def attempt(label, call):
    try:
        print(label, '=>', call())
    except (TypeError, KeyError, ValueError, NotImplementedError) as e:
        print(label, '->', type(e).__name__, e)


def calls(target, names):
    global d
    d = target
    for text in names:
        attempt(text, lambda: eval(text))


common = ['d.get()', 'd.get(1, 2, 3)', 'd.get(key=1)', 'd.pop()', 'd.pop(1, 2, 3)', 'd.pop(key=1)', 'd.setdefault()',
          'd.setdefault(1, 2, 3)', 'd.keys(1)', 'd.values(x=1)', 'd.items(1)', 'd.clear(1)', 'd.copy(1)', 'd.popitem(1)',
          'd.update(1, 2)', 'd.fromkeys()', 'd.fromkeys(1, 2, 3)']
calls(collections.Counter('abracadabra'), common + [
    'd.most_common(1, 2)', 'd.most_common(zz=1)', 'd.elements(1)', 'd.total(1)', 'd.update(1, 2, x=1)', 'd.subtract(1, 2)',
    'd.fromkeys("ab")', 'd.fromkeys(iterable=1)'])
calls(collections.OrderedDict(a=1, b=2), common + [
    'd.move_to_end()', 'd.move_to_end(1, 2, 3)', 'd.move_to_end(zz=1)', 'd.move_to_end("a", zz=1)', 'd.move_to_end("a", key="a")',
    'd.popitem(1, 2)', 'd.popitem(zz=1)', 'd.popitem(last=1, zz=2)', 'd.pop(zz=1)', 'd.pop("zz")', 'd.setdefault(zz=1)',
    'd.update(1, 2, 3)', 'd.fromkeys(iterable=1, zz=2)'])
calls(collections.defaultdict(list, a=[1]), common + ['d.__missing__()', 'd.__missing__(1, 2)', 'd.__missing__(key=1)'])

c = collections.Counter('abracadabra')
c.update('aa', z=3)
c.subtract({'a': 1}, b=1)
c.update(None)
print(c, c.most_common(2), c.most_common(n=1), c.most_common(None), sorted(c.elements()), c.total())
print(c.get('a'), c.get('q', 9), c.setdefault('q', 4), c.pop('q'), sorted(c.keys()), c.copy() == c, type(c.copy()).__name__)
od = collections.OrderedDict(a=1, b=2, c=3)
od.move_to_end('a')
od.move_to_end('c', last=False)
print(od, od.popitem(), od.popitem(last=False), od.pop('zz', 0), od.setdefault('k', 5), od.setdefault(key='m'))
od.update([('x', 1)], y=2)
print(od, list(od.keys()), list(od.values()), list(od.items()), od.copy(), od.fromkeys('ab', 0))
print(od.fromkeys(iterable='xy'), od.get('x'), od.pop(key='x'), od.clear(), od)
attempt('popitem empty', lambda: od.popitem())
dd = collections.defaultdict(list)
dd['a'].append(1)
print(dd, dd.__missing__('b'), dd, dd.copy(), dd.default_factory)
dd.default_factory = int
print(dd['z'], dd.default_factory, dd.get('y', 3), dict(dd.items()))
dd.default_factory = None
attempt('missing without a factory', lambda: dd['q'])
print([name for name in dir(collections.Counter()) if not name.startswith('_')])
print([name for name in dir(collections.OrderedDict()) if not name.startswith('_')])
print([name for name in dir(collections.defaultdict()) if not name.startswith('__')])
