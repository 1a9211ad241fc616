import collections
P = collections.namedtuple('P', 'x y', defaults=[5])
p = P(1, 2)
for call in ['p._asdict(1)', 'p._asdict(zz=1)', 'p._replace(1)', 'p._replace(1, x=2)', 'p._replace(z=1)',
             'p.count()', 'p.count(1, 2)', 'p.count(value=1)', 'p.index()', 'p.index(1, 2, 3, 4)', 'p.index(value=1)',
             'p.index(7)', 'P._make()', 'P._make(1, 2)', 'P._make([1])', 'P._make(iterable=[1], zz=2)', 'p._make(zz=1)']:
    try:
        print(call, '=>', eval(call))
    except (TypeError, ValueError) as e:
        print(call, '->', type(e).__name__, e)
print(p._asdict(), p._replace(y=3), p._replace(), p.count(1), p.index(2), p.index(2, 1), p.index(1, 0, 1))
print(P._make([3, 4]), p._make((5, 6)), P._make(iterable=[7, 8]), p._fields, P._field_defaults)
print(p._asdict.__name__, p.count.__name__, p.index.__doc__.split('\n')[0])
print([name for name in dir(p) if not name.startswith('__')])
