# functools, operator, heapq and bisect
import functools, operator, heapq, bisect
from functools import reduce, partial, lru_cache, wraps
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
base2 = partial(int, base=2)
print(base2('101'), partial(pow, 2)(10), partial(partial(max, 1), 5)(3), partial(sorted, reverse=True)([3, 1, 2]))
p = partial(divmod, 17)
print(p.args, p.keywords, p(5))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
@lru_cache
def square(x):
    return x * x
print(square(3), square(3), square(4), square.cache_info())
square.cache_clear()
print(square.cache_info())
@functools.cache
def double(x):
    return 2 * x
print(double(21), double(21))
def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper
@logged
def greet(name):
    "Say hello."
    return 'hello ' + name
print(greet('you'), greet.__name__, greet.__doc__, greet.__wrapped__('x'))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=operator.itemgetter(1)), operator.itemgetter(0, 1)(rows[0]), operator.itemgetter(1)([5, 6]))
class P:
    def __init__(self, name):
        self.name = name
print([operator.attrgetter('name')(x) for x in [P('a'), P('b')]], operator.methodcaller('upper')('abc'), operator.methodcaller('split', ',')('a,b'))
print(operator.add(1, 2), operator.mul(3, 4), operator.sub(5, 1), operator.truediv(1, 4), operator.floordiv(7, 2), operator.mod(7, 3))
print(operator.neg(3), operator.pow(2, 5), operator.eq(1, 1), operator.lt(1, 2), operator.not_(0), operator.contains([1], 1), operator.getitem('ab', 1))
print(operator.itemgetter(1), operator.attrgetter('a', 'b'), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.abs(-2))
h = []
for x in [5, 1, 8, 3, 2, 9, 1]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(2, [5, 1, 8, 3]), heapq.nlargest(2, ['aa', 'b', 'ccc'], key=len), list(heapq.merge([1, 4], [2, 3], [0])))
pq = []
heapq.heappush(pq, (2, 'b'))
heapq.heappush(pq, (1, 'a'))
heapq.heappush(pq, (3, 'c'))
print([heapq.heappop(pq) for _ in range(3)])
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 0))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
print(a, bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: reduce(operator.add, []))
attempt(lambda: partial(5))
attempt(lambda: heapq.heappop([]))
attempt(lambda: bisect.bisect([1], 1, -1))
