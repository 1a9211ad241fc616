class A:
    a = 1
def f():
    yield 1
    yield 2
g = f()
m = A.__dict__
ns = globals()
for t in ['g.send()','g.send(1,2)','g.throw()','g.throw(1,2,3,4)','g.close(1)','g.__next__(1)','g.__iter__(1)','g.send(x=1)',
          'm.get()','m.copy(1)','m.keys(1)','m.get(x=1)','m.get(1,2,3)',
          'ns.get()', 'ns.get(1,2,3)', 'ns.pop()', 'ns.pop(1,2,3)', 'ns.update(1,2)', 'ns.clear(1)', 'ns.copy(1)', 'ns.keys(1)', 'ns.items(x=1)', 'ns.get(x=1)', 'ns.setdefault()']:
    try: eval(t)
    except TypeError as e: print(t, '->', e)
print(g.__next__(), g.send(None), m.get('a'), m.get('b', 5), ns.get('zz', 3), ns.pop('zz', 4))
print(g.__name__, g.gi_running, 'a' in m.keys(), ns.setdefault('zz', 7), zz)
ns.update({'yy': 1}, xx=2)
print(yy, xx)
print(g.send.__doc__)
