# list() consults __len__, then __length_hint__, as CPython's PyObject_LengthHint: a TypeError from
# either is no answer, other errors and bad values are CPython's, a huge count is MemoryError at once.
class A:
  def __init__(s,h): s.h=h
  def __iter__(self): return iter([1])
  def __length_hint__(self):
    if isinstance(self.h, Exception): raise self.h
    return self.h
for h in [2**40, 2**63, -1, 'a', NotImplemented, TypeError('x'), ValueError('y'), True, 2.0, 5]:
  try: print(list(A(h)))
  except Exception as e: print(type(e).__name__, e)
class B:
  def __init__(s,h): s.h=h
  def __iter__(self): return iter([1])
  def __len__(self):
    if isinstance(self.h, Exception): raise self.h
    return self.h
for h in [2**40, -1, TypeError('x'), ValueError('y'), 3]:
  try: print(list(B(h)))
  except Exception as e: print(type(e).__name__, e)
import itertools
r = itertools.repeat('x', 3)
print(next(r), r, r.__length_hint__(), list(r), r, itertools.repeat(None), itertools.repeat(1, -4).__length_hint__())
