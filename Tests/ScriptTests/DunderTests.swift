import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// Operators, comparisons, hashing and method resolution order of user classes, run by
/// Recur and by CPython.
@Suite struct DunderTests {
    static let programs: [String] = [
        """
        class V:
            def __init__(self, x): self.x = x
            def __add__(self, o):
                if isinstance(o, V): return V(self.x + o.x)
                if isinstance(o, int): return V(self.x + o)
                return NotImplemented
            def __radd__(self, o): return V(o + self.x) if isinstance(o, int) else NotImplemented
            def __mul__(self, k): return V(self.x * k)
            def __neg__(self): return V(-self.x)
            def __abs__(self): return V(abs(self.x))
            def __eq__(self, o): return isinstance(o, V) and self.x == o.x
            def __lt__(self, o): return self.x < o.x
            def __repr__(self): return f"V({self.x})"
            def __iadd__(self, o):
                self.x += o
                return self
        print(V(1) + V(2), V(1) + 3, 4 + V(1), V(2) * 3, -V(5), abs(V(-3)))
        print(V(1) == V(1), V(1) != V(2), V(1) == 1, sorted([V(3), V(1), V(2)]), min(V(3), V(1)), V(1) < V(2), V(2) > V(1))
        v = V(1); w = v; v += 5; print(v, w, v is w)
        try:
            V(1) + "s"
        except TypeError as e: print(e)
        try:
            V(1) <= V(2)
        except TypeError as e: print(e)
        try:
            {V(1): 1}
        except TypeError as e: print(e)
        class Sub(V):
            def __radd__(self, o): return "sub radd"
        print(V(1) + Sub(2))
        class A: pass
        class B(A): pass
        class C(A): pass
        class D(B, C): pass
        print([k.__name__ for k in D.__mro__])
        try:
            class E(A, B): pass
        except TypeError as e: print(e)
        class H:
            def __hash__(self): return 42
        print(hash(H()))
        class Bag:
            def __init__(self): self.items = [1, 2]
            def __contains__(self, x): return x in self.items
        print(2 in Bag(), 3 in Bag(), 3 not in Bag())
        print(NotImplemented, bool(NotImplemented) if False else "skip")
        class Cmp:
            def __eq__(self, o): return NotImplemented
        print(Cmp() == Cmp(), Cmp() != 3)
        """,
        """
        class Loud:
            def __eq__(self, other): raise ValueError("no comparing")
        Loud() == 1
        """,
        """
        class G:
            def __getattr__(self, name): return getattr(self, name)
        G().missing
        """,
        """
        class HH:
            def __hash__(self): return "x"
        hash(HH())
        """,
        """
        class A: pass
        class B(A, A): pass
        """,
        """
        class T:
            def __init__(self): self._c = 0
            @property
            def c(self): return self._c
            @c.setter
            def c(self, v): self._c = v * 2
        t = T(); t.c = 5; print(t.c, t._c)
        class RO:
            @property
            def x(self): return 1
        try:
            RO().x = 3
        except AttributeError as e: print(e)
        """,
        """
        class Logged:
            def __setattr__(self, name, value):
                print("set", name, value)
                object.__setattr__(self, name, value)
            def __getattr__(self, name):
                if name.startswith("auto_"): return name[5:]
                raise AttributeError(name)
        l = Logged(); l.a = 1; print(l.a, l.auto_x, hasattr(l, "zz"), getattr(l, "zz", "dflt"))
        class P:
            def __init__(self): self._v = 1
            def _get(self): return self._v
            def _set(self, v): self._v = v
            v = property(_get, _set)
        p = P(); p.v = 9; print(p.v)
        del p._v
        try:
            p.v
        except AttributeError as e: print(e)
        """,
        """
        calls = 0
        def f():
            global calls
            calls += 1
            return {"a": 1}
        d = {**f(), "b": 2}
        print(d, calls)
        class M:
            def keys(self): return ["x", "y"]
            def __getitem__(self, k): return k.upper()
        print({**M()})
        def g(**kw): return kw
        print(g(**M()), g(**{"q": 1}))
        try:
            {**3}
        except TypeError as e: print(e)
        """,
        """
        print(hash(1.5), hash(0.1), hash(-2.5), hash(1.0), hash(True), hash(1e300), hash(float("inf")), True & False, True | False, [1] * True, hex(2**70), oct(-8), bin(2**64), abs(-2**70), int("0xff", 16), int("0b101", 0), float("1_0.5"), min([1]) )
        class N:
            def __int__(self): return 7
            def __float__(self): return 2.5
        print(int(N()), float(N()))
        class R:
            def __len__(self): return 3
            def __getitem__(self, i): return i * 10
        print(list(reversed(R())))
        try:
            a, b = 5
        except TypeError as e: print(e)
        def g(*, key): pass
        try: g()
        except TypeError as e: print(e)
        class I:
            def __init__(self): return 3
        try: I()
        except TypeError as e: print(e)
        try: min([])
        except ValueError as e: print(e)
        """,
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let program = DunderTests.programs[index]
        var harness = Harness()
        #expect(harness.runLikePython(program) == (try CPython.run(program)), "program \(index):\n\(program)")
    }

    /// Endless recursion through a special method is a RecursionError (CPython's message
    /// names the C call it was in; Recur's does not).
    @Test func recursiveReprIsARecursionError() {
        var harness = Harness()
        let error = harness.error("class R:\n    def __repr__(self): return repr(self)\nrepr(R())")
        #expect(error?.hasPrefix("RecursionError: maximum recursion depth exceeded") == true)
        #expect(harness.result("1 + 1") == "2")
    }

    /// A deliberate difference (docs/LANGUAGE.md): `__slots__` is refused with a clear error.
    @Test func slotsAreRefusedClearly() {
        var harness = Harness()
        let error = harness.error("class S:\n    __slots__ = ('a',)")
        #expect(error?.hasPrefix("TypeError: Recur classes cannot declare __slots__") == true)
    }
}
