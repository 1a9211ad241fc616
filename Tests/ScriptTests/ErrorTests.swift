import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct ErrorTests {
    func failure(_ code: String, in session: Session = Session(), host: RecordingHost = RecordingHost()) -> ScriptFailure? {
        if case .failure(let failure) = session.execute(code, cellName: "Cell In[7]", host: host) { return failure }
        return nil
    }

    @Test func nameErrorHasATracebackNamingCellAndLine() throws {
        let f = try #require(failure("a = 1\nprint(b)"))
        #expect(f.name == "NameError")
        #expect(f.message == "name 'b' is not defined")
        #expect(f.traceback == ["Traceback (most recent call last):", "  Cell In[7], line 2, in <module>", "    print(b)",
                                "NameError: name 'b' is not defined"])
    }

    @Test func tracebacksIncludeFunctionFramesFromEarlierCells() throws {
        let session = Session()
        _ = session.execute("def f(x):\n    return 1 / x", cellName: "Cell In[1]", host: RecordingHost())
        let f = try #require(failure("y = f(0)", in: session))
        #expect(f.traceback == ["Traceback (most recent call last):", "  Cell In[7], line 1, in <module>", "    y = f(0)",
                                "  Cell In[1], line 2, in f", "    return 1 / x", "ZeroDivisionError: division by zero"])
    }

    @Test func syntaxErrorsShowLineColumnAndCaret() throws {
        let f = try #require(failure("x = 1\ny = (2 +\nz = 3"))
        #expect(f.name == "SyntaxError")
        #expect(f.traceback.first == "  Cell In[7], line 2")
        let g = try #require(failure("if True:\nprint(1)"))
        #expect(g.name == "IndentationError")
        #expect(g.message == "expected an indented block after 'if' statement on line 1")
        let h = try #require(failure("x = 1 +* 2"))
        #expect(h.traceback == ["  Cell In[7], line 1", "    x = 1 +* 2", "           ^", "SyntaxError: invalid syntax"])
    }

    @Test func everyErrorClassHasPythonsNameAndMessage() {
        var h = Harness()
        #expect(h.error("1 + 'a'") == "TypeError: unsupported operand type(s) for +: 'int' and 'str'")
        #expect(h.error("'a' + 1") == "TypeError: can only concatenate str (not \"int\") to str")
        #expect(h.error("len(5)") == "TypeError: object of type 'int' has no len()")
        #expect(h.error("None()") == "TypeError: 'NoneType' object is not callable")
        #expect(h.error("[1, 2][5]") == "IndexError: list index out of range")
        #expect(h.error("(1,)[2]") == "IndexError: tuple index out of range")
        #expect(h.error("[1][1.0]") == "TypeError: list indices must be integers or slices, not float")
        #expect(h.error("{'a': 1}['b']") == "KeyError: 'b'")
        #expect(h.error("(1).foo") == "AttributeError: 'int' object has no attribute 'foo'")
        #expect(h.error("import math\nmath.nope") == "AttributeError: module 'math' has no attribute 'nope'")
        #expect(h.error("1 // 0") == "ZeroDivisionError: integer division or modulo by zero")
        #expect(h.error("1 % 0") == "ZeroDivisionError: integer modulo by zero")
        #expect(h.error("1.0 / 0") == "ZeroDivisionError: float division by zero")
        #expect(h.error("int('abc')") == "ValueError: invalid literal for int() with base 10: 'abc'")
        #expect(h.error("[].pop()") == "IndexError: pop from empty list")
        #expect(h.error("[1].index(2)") == "ValueError: 2 is not in list")
        #expect(h.error("assert 1 == 2, 'nope'") == "AssertionError: nope")
        #expect(h.error("assert False") == "AssertionError")
        #expect(h.error("raise ValueError('custom')") == "ValueError: custom")
        #expect(h.error("raise RuntimeError") == "RuntimeError")
        #expect(h.error("raise 5") == "TypeError: exceptions must derive from BaseException")
        #expect(h.error("def f(n): return f(n + 1)\nf(0)") == "RecursionError: maximum recursion depth exceeded")
        #expect(h.error("{[]: 1}") == "TypeError: unhashable type: 'list'")
        #expect(h.error("a, b = 1") == "TypeError: cannot unpack non-iterable int object")
        #expect(h.error("sum(['a'])") == "TypeError: unsupported operand type(s) for +: 'int' and 'str'")
        #expect(h.error("1 < 'a'") == "TypeError: '<' not supported between instances of 'int' and 'str'")
        #expect(h.error("'%d' % 'x'") == "TypeError: %d format: a real number is required, not str")
        #expect(h.error("'%d %d' % (1,)") == "TypeError: not enough arguments for format string")
        #expect(h.error("'%d' % (1, 2)") == "TypeError: not all arguments converted during string formatting")
        #expect(h.error("[0] * 10**12") == "MemoryError")
        #expect(h.error("x = 2 ** 10 ** 12") == "MemoryError")
    }

    @Test func interruptsStopLoopsWithKeyboardInterrupt() {
        let session = Session()
        let host = RecordingHost()
        host.interruptAfterPolls = 50
        let outcome = session.execute("n = 0\nwhile True:\n    n += 1", cellName: "Cell In[1]", host: host)
        guard case .failure(let f) = outcome else {
            Issue.record("an interrupted loop must fail")
            return
        }
        #expect(f.name == "KeyboardInterrupt")
        #expect(f.traceback.last == "KeyboardInterrupt")
        host.interruptAfterPolls = nil
        #expect(session.execute("n > 0", cellName: "Cell In[2]", host: host) == .success(result: MimeBundle(plainText: "True")))
    }

    @Test func interruptsReachTrainingLoopsAndRecursion() {
        let host = RecordingHost()
        host.interruptAfterPolls = 10
        let outcome = Session().execute("""
        import torch
        net = torch.nn.Linear(2, 2)
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        for epoch in range(100000):
            opt.zero_grad()
            net(torch.zeros(1, 2)).sum().backward()
            opt.step()
        """, cellName: "Cell In[1]", host: host)
        if case .failure(let f) = outcome { #expect(f.name == "KeyboardInterrupt") } else { Issue.record("not interrupted") }
        let deep = RecordingHost()
        deep.interruptAfterPolls = 20
        if case .failure(let f) = Session().execute("def f(): f()\nf()", cellName: "c", host: deep) {
            #expect(f.name == "KeyboardInterrupt")
        } else {
            Issue.record("not interrupted")
        }
    }

    @Test func magicsMisusedAreUsageErrors() {
        var h = Harness()
        #expect(h.error("%notamagic") == "UsageError: Line magic function `%notamagic` not found.")
        #expect(h.error("%%bash\nls") == "UsageError: Cell magic `%%bash` not found.")
    }
}
