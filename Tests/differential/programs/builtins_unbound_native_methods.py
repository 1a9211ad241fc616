import collections
d = collections.deque([1, 2])
collections.deque.append(d, 3)
print(d, collections.deque.append.__name__, collections.deque.pop(d), collections.deque.rotate(d, 1), d)
for t in ["collections.deque.append(1, 2)", "collections.deque.append()", "collections.deque.append(d)", "collections.deque.rotate(d, n=1)"]:
    try: eval(t)
    except TypeError as e: print(t, '->', e)
print('append' in dir(collections.deque), collections.deque.append.__doc__)
import io
s = io.StringIO("ab\ncd")
print(io.StringIO.readline(s), io.StringIO.read(s))
try: io.StringIO.read(1)
except TypeError as e: print(e)
