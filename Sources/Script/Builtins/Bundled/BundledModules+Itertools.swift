extension BundledModules {
    /// `itertools`, written in Recur script.
    static let itertools = #"""
"""Functions creating iterators for efficient looping (Recur's itertools, written after the
equivalents in CPython's documentation)."""


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
for the specified number of times.  If not specified, returns the object
endlessly."""

    def __init__(self, object, times=None):
        self._object = object
        # len(range(n)) is CPython's conversion of `times`: TypeError for a non-integer,
        # OverflowError past 2**63 - 1, and 0 for a negative count.
        self._times = None if times is None else len(range(times))

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times == 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        # list() sizes its result from this, so list(repeat(x, 2**40)) is a MemoryError at once.
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._object!r})"
        return f"repeat({self._object!r}, {self._times})"


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def chain(*iterables):
    for it in iterables:
        for element in it:
            yield element


def _from_iterable(iterables):
    for it in iterables:
        for element in it:
            yield element


chain.from_iterable = _from_iterable


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def _islice_index(value, what):
    if value is None:
        return None
    if not isinstance(value, int) or value < 0:
        raise ValueError(what + " for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    return value


def islice(iterable, *args):
    if len(args) == 0:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
    if len(args) == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
    start = _islice_index(start, "Indices") if start is not None else 0
    stop = _islice_index(stop, "Stop argument" if len(args) == 1 else "Indices")
    if step is None:
        step = 1
    elif not isinstance(step, int) or step <= 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    it = iter(iterable)
    index = 0
    wanted = start
    while stop is None or wanted < stop:
        while index < wanted:
            try:
                next(it)
            except StopIteration:
                return
            index += 1
        try:
            element = next(it)
        except StopIteration:
            return
        index += 1
        yield element
        wanted += step
    while index < (stop if stop is not None else 0):
        try:
            next(it)
        except StopIteration:
            return
        index += 1


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


class _Group:
    def __init__(self, parent, key):
        self.parent = parent
        self.key = key

    def __iter__(self):
        return self

    def __next__(self):
        return self.parent._next_in_group(self)


def groupby(iterable, key=None):
    return _GroupBy(iterable, key)


class _GroupBy:
    def __init__(self, iterable, key):
        self.keyfunc = key if key is not None else (lambda x: x)
        self.it = iter(iterable)
        self.sentinel = object()
        self.tgtkey = self.sentinel
        self.currkey = self.sentinel
        self.currvalue = self.sentinel
        self.group = None

    def __iter__(self):
        return self

    def __next__(self):
        self.group = None
        while self.currkey is self.sentinel or (self.tgtkey is not self.sentinel and self.currkey == self.tgtkey):
            self.currvalue = next(self.it)
            self.currkey = self.keyfunc(self.currvalue)
        self.tgtkey = self.currkey
        self.group = _Group(self, self.tgtkey)
        return (self.currkey, self.group)

    def _next_in_group(self, group):
        if group is not self.group:
            raise StopIteration
        if self.currkey is self.sentinel:
            raise StopIteration
        if not (self.currkey == group.key):
            raise StopIteration
        value = self.currvalue
        try:
            self.currvalue = next(self.it)
            self.currkey = self.keyfunc(self.currvalue)
        except StopIteration:
            self.currkey = self.sentinel
            self.currvalue = self.sentinel
        return value


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    queues = [[] for _ in range(n)]

    def gen(mine):
        while True:
            if not mine:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for q in queues:
                    q.append(value)
            yield mine.pop(0)

    return tuple(gen(q) for q in queues)
"""#
}
