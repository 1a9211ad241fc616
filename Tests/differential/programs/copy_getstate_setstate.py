# copy.copy and copy.deepcopy through __getstate__ / __setstate__, and the memo keyed by id()
import copy
class Cache:
    def __init__(self):
        self.items = [1, 2]
        self.scratch = 'dropped'
    def __getstate__(self):
        return {'items': self.items}
c = Cache()
shallow, deep = copy.copy(c), copy.deepcopy(c)
print(vars(shallow), vars(deep), shallow.items is c.items, deep.items is c.items)
class Restoring:
    def __init__(self):
        self.value = [3]
    def __getstate__(self):
        return ('packed', self.value)
    def __setstate__(self, state):
        self.restored = state
r = copy.deepcopy(Restoring())
print(r.restored, hasattr(r, 'value'))
class Empty:
    def __init__(self):
        self.kept = 1
    def __getstate__(self):
        return {}
print(vars(copy.deepcopy(Empty())), vars(copy.copy(Empty())))
memo = {}
inner = [1]
outer = [inner, inner]
copied = copy.deepcopy(outer, memo)
print(id(inner) in memo, memo[id(inner)] is copied[0], id(outer) in memo)
