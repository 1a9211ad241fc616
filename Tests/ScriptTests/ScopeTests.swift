import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// Python's scoping rules (locals, cells, free and global names, class bodies,
/// comprehensions), each program run by Recur and by CPython.
@Suite struct ScopeTests {
    static let programs: [String] = [
        """
        def g(x):
            f = lambda: x
            return f()
        print(g(3))
        def counter():
            n = 0
            def inc():
                nonlocal n
                n += 1
                return n
            return inc
        c = counter(); c(); print(c(), c())
        """,
        """
        x = 10
        def gl():
            global x
            x = 20
        gl(); print(x)
        def reads(): return x + 1
        print(reads())
        """,
        """
        def comp(n):
            return [i * n for i in range(3)], {k: n for k in "ab"}, {i % 2 for i in range(4)}
        print(comp(2))
        i = "outer"
        print([i for i in range(2)], i)
        def shadow():
            i = "mine"
            r = [i for i in range(2)]
            return r, i
        print(shadow())
        """,
        """
        fs = [lambda: k for k in range(3)]
        print([f() for f in fs])
        gs = [lambda k=k: k for k in range(3)]
        print([g() for g in gs])
        def gen_closure(data, m):
            return (d * m for d in data)
        print(list(gen_closure([1, 2], 5)))
        """,
        """
        def deep():
            a = 1
            def mid():
                def inner():
                    return a
                return inner()
            return mid()
        print(deep())
        """,
        """
        class A:
            y = 5
            z = [y2 for y2 in range(2)]
            def m(self): return self.y
        print(A().m(), A.z)
        def outer():
            v = 7
            class B:
                w = v
                def get(self): return v
            return B.w, B().get()
        print(outer())
        """,
        """
        def f():
            x = 1
            class A:
                x = 2
                def m(self): return x
            return A.x, A().m()
        print(f())
        """,
        """
        class C:
            v = 3
            items = [v for _ in range(2)]
        """,
        """
        def unbound():
            print(q)
            q = 1
        unbound()
        """,
        """
        def free_unbound():
            def inner(): return zz
            inner()
            zz = 1
        free_unbound()
        """,
        """
        def params(a, b=2, *args, c, d=4, **kw):
            def use(): return a, b, args, c, d, kw
            return use()
        print(params(1, c=3))
        print(params(1, 5, 6, c=3, e=9))
        """,
        """
        def dl():
            a = 1
            del a
            print(a)
        dl()
        """,
        """
        def rec(n): return 1 if n == 0 else n * rec(n - 1)
        print(rec(10))
        x = 4
        print(sum(x * x for x in range(5)), x)
        print([[(r, c) for c in range(r)] for r in range(3)])
        """,
        """
        def make():
            def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
            return fib
        print(make()(15))
        """,
        """
        def outer():
            def inner():
                nonlocal missing
        """,
        """
        def g(a):
            global a
        """,
        """
        def setter():
            exec_count = 0
            def bump():
                nonlocal exec_count
                exec_count += 1
            for _ in range(5): bump()
            return exec_count
        print(setter())
        """,
        """
        total = 0
        for step in range(3):
            total += step
        print(total, step)
        def loop_closures():
            out = []
            for i in range(3):
                out.append(lambda: i)
            return [f() for f in out]
        print(loop_closures())
        """,
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let program = ScopeTests.programs[index]
        var harness = Harness()
        #expect(harness.runLikePython(program) == (try CPython.run(program)), "program \(index):\n\(program)")
    }
}
