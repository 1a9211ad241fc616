import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// Generators, generator expressions and the iterator protocol of user classes, each program
/// run by Recur and by CPython with the same expected output.
@Suite struct GeneratorTests {
    static let programs: [String] = [
        """
        def count(n):
            i = 0
            while i < n:
                yield i
                i += 1
            return "done"
        print(list(count(4)))
        g = count(2)
        print(next(g), next(g), next(g, "end"))
        """,
        """
        def batches(data, size):
            for i in range(0, len(data), size):
                yield data[i:i + size]
        for b in batches(list(range(7)), 3):
            print(b)
        """,
        """
        def echo():
            total = 0
            while True:
                x = yield total
                if x is None:
                    break
                total += x
            return total
        g = echo()
        print(next(g), g.send(3), g.send(4))
        try:
            g.send(None)
        except StopIteration as e:
            print("stop", e.value)
        """,
        """
        def inner():
            yield 1
            yield 2
            return 3
        def outer():
            r = yield from inner()
            print("inner returned", r)
            yield from [10, 20]
        print(list(outer()))
        """,
        """
        def with_finally():
            try:
                yield 1
                yield 2
            finally:
                print("cleanup")
        g = with_finally()
        print(next(g))
        g.close()
        print(next(g, "closed"))
        """,
        """
        def catcher():
            while True:
                try:
                    yield
                except ValueError as e:
                    print("caught", e)
        c = catcher(); next(c); c.throw(ValueError("boom")); c.throw(ValueError, "again")
        """,
        """
        print(sum(x * x for x in range(10)))
        gen = (x for x in range(3) if x != 1)
        print(type(gen).__name__, list(gen), list(gen))
        print(sorted(k for k in {"b": 1, "a": 2}))
        print(list((i, j) for i in range(3) for j in range(i) if j != 1))
        """,
        """
        log = []
        def source():
            for i in range(3):
                log.append(i)
                yield i
        g = (x * 10 for x in source())
        print(log, next(g), log)
        """,
        """
        def gen_stop():
            raise StopIteration
            yield
        list(gen_stop())
        """,
        """
        def fib():
            a, b = 0, 1
            while True:
                yield a
                a, b = b, a + b
        f = fib()
        print([next(f) for _ in range(10)])
        """,
        """
        class Ctx:
            def __enter__(self): return self
            def __exit__(self, t, v, tb):
                print("exit", t.__name__ if t else None, v)
                return False
        def nested():
            for i in range(4):
                if i % 2 == 0:
                    with Ctx():
                        yield i
                else:
                    try:
                        yield -i
                    except Exception:
                        pass
                    else:
                        yield 100
        print(list(nested()))
        """,
        """
        def g():
            yield 1
        x = g()
        x.send(3)
        """,
        """
        def g():
            yield 1
            yield 2
        x = g()
        next(x)
        x.close()
        next(x)
        """,
        """
        def stubborn():
            try:
                yield 1
            except GeneratorExit:
                yield 2
        s = stubborn(); next(s); s.close()
        """,
        """
        def recurse():
            yield from recurse()
        next(recurse())
        """,
        """
        class It:
            def __init__(self): self.i = 0
            def __iter__(self): return self
            def __next__(self):
                self.i += 1
                if self.i > 3: raise StopIteration
                return self.i
        print(list(It()), [x for x in It()], sum(It()), max(It()))
        it = iter(It()); print(next(it), next(it), next(it), next(it, "end"))
        for a, b in zip(It(), It()): print(a, b)
        """,
        """
        class Seq:
            def __getitem__(self, i):
                if i >= 3: raise IndexError(i)
                return i * i
        print(list(Seq()), 4 in Seq())
        """,
        """
        class Bad:
            def __iter__(self): return [1, 2]
        iter(Bad())
        """,
        """
        class Loop:
            def __iter__(self): return self
            def __next__(self): return next(self)
        next(iter(Loop()))
        """,
        """
        class B:
            def __bool__(self): return 1
        bool(B())
        """,
        """
        class L:
            def __len__(self): return -1
        len(L())
        """,
        """
        class F:
            def __len__(self): return 2.5
        print(bool(F()))
        """,
        """
        class S:
            def __str__(self): return 3
        str(S())
        """,
        """
        class Ctx:
            def __enter__(self): return "entered"
            def __exit__(self, t, v, tb):
                print("exit", t.__name__ if t else None, v)
                return True
        with Ctx() as c:
            print(c)
            raise KeyError("k")
        print("after suppressed")
        class NoExit:
            def __enter__(self): return self
        with NoExit():
            pass
        """,
        """
        print(list(iter([3, 2, 1].pop, 1)))
        print(next(iter([])), "unreached")
        """,
        """
        def naturals():
            n = 0
            while True:
                yield n
                n += 1
        print(any(x > 3 for x in naturals()), all(x < 3 for x in naturals()))
        seen = []
        def noisy():
            for i in range(5):
                seen.append(i)
                yield i
        print(any(x == 1 for x in noisy()), seen, sum(x for x in range(10**6)))
        print(len(range(10**12)[::2]), range(10)[2:8:2], range(10)[::-1], list(range(10)[::-3]), range(5)[10:], range(0, 20, 3)[1:-1])
        print(list(enumerate('ab', 2**63 - 1)), list(enumerate('xy', start=5)))
        print(round(1.5, -2**63), round(1e20), round(2.5), round(-0.5))
        """,
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let program = GeneratorTests.programs[index]
        var harness = Harness()
        let expected = try CPython.run(program)
        #expect(harness.runLikePython(program) == expected, "program \(index):\n\(program)")
    }
}
