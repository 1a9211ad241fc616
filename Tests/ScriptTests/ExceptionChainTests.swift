import Script
import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// Exception chaining, exception attributes and `SystemExit`, compared with CPython.
@Suite struct ExceptionChainTests {
    static let programs: [String] = [
        """
        def parse(s):
            try:
                return int(s)
            except ValueError as e:
                raise RuntimeError("bad input") from e
        try:
            parse("x")
        except RuntimeError as e:
            print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__, e.__context__ is e.__cause__)
        """,
        """
        try:
            try:
                {}["k"]
            except KeyError as k:
                print(k.args, str(k), repr(k))
                1 / 0
        except ZeroDivisionError as e:
            print(type(e.__context__).__name__, e.__context__, e.__cause__)
        """,
        """
        def f():
            try:
                raise ValueError("inner")
            finally:
                print("fin")
        try:
            f()
        except ValueError as e:
            print(e.__context__, e.__cause__, e.__suppress_context__)
        try:
            raise TypeError("t") from None
        except TypeError as e:
            print(e.__cause__, e.__suppress_context__)
        """,
        """
        try:
            raise ValueError("v")
        except ValueError as e:
            try:
                raise
            except ValueError as again:
                print(again is e, again.__context__)
        """,
        """
        raise ValueError("x") from 3
        """,
        """
        import sys
        try:
            sys.exit(5)
        except SystemExit as e:
            print(e.code, e.args)
        try:
            sys.exit()
        except SystemExit as e:
            print(e.code, e.args)
        try:
            raise SystemExit("a", "b")
        except SystemExit as e:
            print(e.code)
        def g():
            yield 1
            return 7
        it = g(); next(it)
        try:
            next(it)
        except StopIteration as s:
            print(s.value, s.args)
        """,
        """
        class Resource:
            def __enter__(self): return self
            def __exit__(self, *info): print("exit sees", info[0].__name__ if info[0] else None)
        try:
            with Resource():
                raise IndexError("i")
        except IndexError as e:
            print("propagated", e)
        """,
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let program = ExceptionChainTests.programs[index]
        var harness = Harness()
        #expect(harness.runLikePython(program) == (try CPython.run(program)), "program \(index):\n\(program)")
    }

    /// The traceback shows the context first, then CPython's separator, then the new error;
    /// each part names the line that raised (not a later line of `finally`).
    @Test func chainedTracebackListsBothExceptions() throws {
        var harness = Harness()
        let program = """
        def g():
            try:
                [][1]
            except IndexError:
                raise KeyError("missing")
            finally:
                pass
        g()
        """
        guard case .failure(let failure) = harness.run(program) else {
            Issue.record("the program should fail")
            return
        }
        let python = try CPythonTraceback.lines(program)
        #expect(failure.traceback.map(CPythonTraceback.normalized).filter { !$0.isEmpty } == python)
    }

    @Test func systemExitCarriesItsStatus() {
        var harness = Harness()
        for (code, status) in [("sys.exit(3)", Int32(3)), ("sys.exit()", 0), ("sys.exit(None)", 0), ("raise SystemExit(True)", 1)] {
            guard case .failure(let failure) = harness.run("import sys\n" + code) else {
                Issue.record("\(code) should raise SystemExit")
                continue
            }
            #expect(failure.name == "SystemExit")
            #expect(failure.exitStatus == status, "\(code)")
        }
        guard case .failure(let failure) = harness.run("import sys\nsys.exit('3')") else {
            Issue.record("sys.exit('3') should raise SystemExit")
            return
        }
        #expect(failure.exitStatus == nil)
        #expect(failure.message == "3")
    }
}

/// CPython's traceback for a program, reduced to what Recur prints the same way.
enum CPythonTraceback {
    static func lines(_ program: String) throws -> [String] {
        let run = try CPython.runCapturingStderr(program)
        return run.split(separator: "\n", omittingEmptySubsequences: false).map { normalized(String($0)) }.filter { !$0.isEmpty }
    }

    /// Keeps the structure both print alike: frame lines without the file or cell name, the
    /// separators and the exception lines (`python3 -c` shows no source text, Recur does).
    static func normalized(_ line: String) -> String {
        if line.hasPrefix("    ") { return "" }
        if line.hasPrefix("  "), let range = line.range(of: ", line ") { return "  frame" + line[range.lowerBound...] }
        return line
    }
}

