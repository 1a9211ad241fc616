import collections
d = collections.deque([1, 2, 3, 2])
for t in ["d.append()", "d.append(1,2)", "d.append(x=1)", "d.pop(1)", "d.insert(1)", "d.insert(1,2,3)", "d.index()", "d.rotate(1,2)", "d.index(1,2,3,4)",
 "d.copy(1)", "d.rotate(n=1)", "d.index(2, 2)", "d.index(2, -1)", "d.index(2, 0, 1)", "d.count()", "d.clear(1)", "d.index(x=1)", "d.maxlen", "d.extend()"]:
    try: print(t, "=", eval(t))
    except (TypeError, ValueError) as e: print(t, "->", type(e).__name__, e)
try:
    d.maxlen = 3
except AttributeError as e: print(e)
print(d.append.__doc__, d.rotate.__doc__)
print([n for n in dir(d) if not n.startswith('_')])
