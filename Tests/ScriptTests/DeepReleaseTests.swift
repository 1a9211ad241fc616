@testable import Script
import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// Dropping structures nested millions deep frees them without recursion (Swift's releases
/// used to recurse once per level and overflow the stack). Built directly, so the test
/// measures freeing rather than the interpreter's loop; run off the large stack on purpose.
@Suite struct DeepReleaseTests {
    static let depth = 5_000_000

    @Test func deepListsDictsAndTuplesFreeIteratively() throws {
        var list = Value.list(ListObject([]))
        for _ in 0..<DeepReleaseTests.depth { list = .list(ListObject([list])) }
        list = .none
        var dict = Value.dict(DictObject())
        for _ in 0..<DeepReleaseTests.depth / 2 {
            let next = DictObject()
            try next.set(.str("k"), dict)
            dict = .dict(next)
        }
        dict = .none
        var tuples = Value.list(ListObject([]))
        for _ in 0..<DeepReleaseTests.depth / 2 { tuples = .list(ListObject([.tuple([tuples])])) }
        tuples = .none
        #expect(list.isNone && dict.isNone && tuples.isNone)
    }

    @Test func deepObjectAndClosureChainsFreeIteratively() throws {
        var harness = Harness()
        _ = harness.run("class Node:\n    pass\ndef chain(f):\n    return lambda: f")
        let type = TypeObject(name: "Node", bases: [], kind: .user)
        var node = Value.none
        for _ in 0..<DeepReleaseTests.depth / 2 {
            let next = InstanceObject(type: type)
            next.attributes["next"] = node
            node = .instance(next)
        }
        node = .none
        #expect(node.isNone)
        var method = Value.none
        for _ in 0..<DeepReleaseTests.depth / 2 { method = .boundMethod(BoundMethod(receiver: method, function: .none)) }
        method = .none
        // A closure chain made by the language itself, then dropped by rebinding.
        #expect(harness.error("g = None\nfor i in range(200000):\n    g = chain(g)\ng = None") == nil)
        #expect(harness.result("1 + 1") == "2")
    }
}

/// `gc.collect()` frees objects held only by reference cycles, and never an object that is
/// still reachable, compared with what CPython reports.
@Suite struct CycleCollectorTests {
    @Test func collectsCyclesAsCPythonDoes() throws {
        let program = """
        import gc
        class A: pass
        def make():
            a = A(); b = A(); a.b = b; b.a = a
            l = [1]; l.append(l)
            d = {}; d["self"] = d
            def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
            fib(3)
        gc.collect()
        make()
        print(gc.collect() > 0, gc.collect(), gc.isenabled())
        keep = A(); keep.me = keep; keep.data = [1, 2, 3]
        ring = [[]]; ring[0].append(ring)
        t = (ring,)
        gc.collect()
        print(keep.me is keep, keep.data, ring[0][0] is ring, t[0] is ring)
        gc.disable(); print(gc.isenabled()); gc.enable()
        """
        var harness = Harness()
        #expect(harness.runLikePython(program) == (try CPython.run(program)))
    }
}
