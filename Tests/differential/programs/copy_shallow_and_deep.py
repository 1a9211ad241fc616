# copy.copy and copy.deepcopy of containers, instances, cycles, __copy__/__deepcopy__
import copy
from collections import namedtuple, deque, Counter
nested = {'a': [1, [2, 3]], 'b': (4, [5]), 'c': {6}}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested['a'][1].append(99)
nested['b'][1].append(98)
print(shallow, deep, shallow is nested, shallow['a'] is nested['a'], deep['a'] is nested['a'])
lst = [1, 2]
lst.append(lst)
d = copy.deepcopy(lst)
print(d[2] is d, d[2] is lst, len(d))
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
class Config:
    def __init__(self, lr, layers):
        self.lr = lr
        self.layers = layers
c = Config(0.1, [16, 32])
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
c.layers.append(64)
print(type(c2).__name__, c2.lr, c2.layers, c3.layers, c2 is c, c3.layers is c.layers)
class Special:
    def __init__(self):
        self.calls = []
    def __copy__(self):
        return 'copied'
    def __deepcopy__(self, memo):
        return 'deep-copied'
print(copy.copy(Special()), copy.deepcopy(Special()), copy.deepcopy([Special()]))
P = namedtuple('P', 'x y')
p = P([1], 2)
q = copy.deepcopy(p)
p.x.append(5)
print(q, copy.copy(p) == p, copy.deepcopy(deque([[1], [2]], maxlen=3)), copy.copy(Counter('aab')))
print(copy.copy(5), copy.deepcopy('s'), copy.deepcopy((1, [2])), copy.copy(bytearray(b'x')), copy.deepcopy(b'y'), copy.copy(range(3)))
s = {1, 2}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(len) is len)
memo = {}
a = [1]
copy.deepcopy([a, a], memo)
print(len(memo) > 0)
