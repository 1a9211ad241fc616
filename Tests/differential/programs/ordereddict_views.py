from collections import OrderedDict
d = OrderedDict(a=1, b=2)
print(d.keys(), d.values(), d.items())
print(type(d.keys()).__name__, type(d).__name__)
print(list(reversed(d.keys())), list(reversed(d.items())))
k = d.keys()
d['c'] = 3
print(k, len(k), 'c' in k, sorted(k & {'a'}))
print(d)
v = d.values()
d.move_to_end('a')
print(v, d.items(), type(v).__name__, type(d.items()).__name__)
print(d.keys() == {'a', 'b', 'c'}, sorted(d.keys() - {'a'}))
try:
    d.keys(1)
except TypeError as e:
    print('TypeError:', e)
