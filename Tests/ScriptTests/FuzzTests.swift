import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// Random and mutated programs: every run must end in a result or a typed error, never a
/// crash or a hang.
@Suite struct FuzzTests {
    static let seeds = """
    import torch
    x = [1, 2, 3]
    d = {'a': (1, 2.5), 'b': "s"}
    def f(a, b=2, *args, **kw):
        return a * b + len(args)
    class C(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = torch.nn.Linear(2, 2)
        def forward(self, x):
            return self.fc(x)
    for i, v in enumerate(x):
        if v % 2 == 0 and i > 0:
            print(f'{v:>3}', '%d' % i)
        elif not v:
            continue
        else:
            pass
    try:
        y = [k for k in d if k in 'ab'][0]
    except (KeyError, IndexError) as e:
        raise
    finally:
        z = C()(torch.zeros(1, 2)).sum().item()
    while x:
        x.pop()
    lam = lambda q: q ** 2 // 3
    print(lam(7), f(3, b=4), sorted({3, 1, 2}), 'a,b'.split(','), z is not None)
    """

    static let fragments = ["(", ")", "[", "]", "{", "}", ":", "\n", "    ", "\t", "'", "\"", "\"\"\"", "f'{", "}",
                            "lambda", "def ", "class ", "if ", "else", "return", "yield", "import ", "from ", " = ",
                            "+=", "**", "//", "%", "@", ".", ",", ";", "\\", "#", "None", "1e309", "-", "not ",
                            "中", "\u{0}", "%who", "!", "?", "x", "torch.", "print(", "*", "**kw", "0x", "1_0"]

    @Test func randomBytesGiveErrorsNotCrashes() {
        var rng = SeededGenerator(state: 0x5EED)
        let session = Session()
        let host = RecordingHost()
        host.interruptAfterPolls = 100_000
        for _ in 0..<300 {
            let length = Int.random(in: 0...80, using: &rng)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let source = String(decoding: bytes, as: UTF8.self)
            let outcome = session.execute(source, cellName: "fuzz", host: host)
            switch outcome {
            case .success: break
            case .failure(let failure): #expect(!failure.name.isEmpty)
            }
            _ = session.isComplete(source)
            let cursor = Int.random(in: -2...(length + 2), using: &rng)
            let completion = session.complete(source, cursor: cursor)
            #expect(completion.start <= completion.end)
            _ = session.inspect(source, cursor: cursor, detailLevel: Int.random(in: 0...1, using: &rng))
        }
    }

    @Test func mutatedProgramsGiveAResultOrAnError() {
        var rng = SeededGenerator(state: 42)
        let base = Array(FuzzTests.seeds)
        var successes = 0, failures = 0
        for _ in 0..<300 {
            var chars = base
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let position = Int.random(in: 0...chars.count, using: &rng)
                switch Int.random(in: 0...2, using: &rng) {
                case 0 where position < chars.count: chars.remove(at: position)
                case 1: chars.insert(contentsOf: FuzzTests.fragments.randomElement(using: &rng) ?? "", at: position)
                default:
                    let other = Int.random(in: 0..<chars.count, using: &rng)
                    if position < chars.count { chars.swapAt(position, other) }
                }
            }
            let host = RecordingHost()
            host.interruptAfterPolls = 200_000
            let session = Session()
            let source = String(chars)
            switch session.execute(source, cellName: "fuzz", host: host) {
            case .success: successes += 1
            case .failure(let failure):
                failures += 1
                #expect(!failure.name.isEmpty)
                #expect(failure.traceback.last?.hasPrefix(failure.name) == true)
            }
            _ = session.isComplete(source)
        }
        #expect(successes + failures == 300)
        #expect(failures > 0)
    }

    static let values = ["0", "-1", "2**62", "-2**63", "1e308", "float('nan')", "float('inf')", "''", "'abc'", "[]", "[1, [2]]",
                         "()", "{}", "{1: 2}", "None", "True", "range(5)", "range(-3, 10**18, 7)", "'中文'", "3.5", "-0.0", "{1, 2}",
                         "lambda x: x", "len", "int", "object()", "torch.zeros(2, 3)", "torch.tensor(3)", "torch.nn.Linear(2, 2)"]
    static let functions = ["len", "str", "repr", "int", "float", "bool", "list", "tuple", "dict", "set", "sorted", "reversed", "min",
                            "max", "sum", "abs", "round", "hash", "chr", "ord", "hex", "bin", "divmod", "pow", "range", "enumerate",
                            "zip", "iter", "next", "format", "isinstance", "getattr", "map", "filter", "any", "all", "dir", "type"]
    static let operators = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "==", "in", "is", "@"]

    /// Builtins, operators and subscripts over awkward values (huge ints, NaN, ranges near
    /// Int's ends, tensors, functions): each statement raises or returns, none crashes or hangs.
    @Test func builtinsAndOperatorsOverAwkwardValues() {
        var rng = SeededGenerator(state: 7)
        for _ in 0..<60 {
            var lines = ["import torch"]
            for _ in 0..<30 {
                func value() -> String { FuzzTests.values.randomElement(using: &rng) ?? "0" }
                let code: String
                switch Int.random(in: 0..<3, using: &rng) {
                case 0:
                    let n = Int.random(in: 0...3, using: &rng)
                    code = "\(FuzzTests.functions.randomElement(using: &rng) ?? "len")(\((0..<n).map { _ in value() }.joined(separator: ", ")))"
                case 1: code = "(\(value())) \(FuzzTests.operators.randomElement(using: &rng) ?? "+") (\(value()))"
                default: code = "(\(value()))[\(value())]"
                }
                lines.append("try:\n    x = \(code)\n    repr(x)\nexcept Exception as e:\n    str(e)")
            }
            let host = RecordingHost()
            host.interruptAfterPolls = 1_000_000
            let outcome = Session().execute(lines.joined(separator: "\n"), cellName: "fuzz", host: host)
            if case .failure(let failure) = outcome {
                // Only what `except Exception` cannot catch may escape (MemoryError is an Exception here).
                #expect(["KeyboardInterrupt", "SystemExit"].contains(failure.name), "\(failure.name): \(failure.message)")
            }
        }
    }

    @Test func regressionsFoundByFuzzing() {
        var h = Harness()
        #expect(h.result("range(5) == 0, 0 == range(5), range(3) == range(0, 3, 1), range(0) == range(2, 1), len == range(2)") == "(False, False, True, True, False)")
        #expect(h.result("() * 2**62, '' * 2**62, [] * 2**62") == "((), '', [])")
        #expect(h.error("int('1', 99)") == "ValueError: int() base must be >= 2 and <= 36, or 0")
        #expect(h.error("len(range(-9000000000000000000, 9000000000000000000))") == "OverflowError: Python int too large to convert to C ssize_t")
    }

    @Test func theUnmutatedSeedRuns() {
        var h = Harness()
        #expect(h.error(FuzzTests.seeds) == nil)
        #expect(h.host.stdout.contains("  2 1\n"))
    }

    @Test func deepNestingAtRuntimeIsAnError() {
        var h = Harness()
        _ = h.run("x = []\nfor i in range(100000):\n    x = [x]")
        #expect(h.error("repr(x)") == "RecursionError: maximum recursion depth exceeded while getting the repr of an object")
        // As in CPython, identical elements compare equal without recursing; distinct ones recurse.
        #expect(h.result("x == x") == "True")
        _ = h.run("y = []\nfor i in range(100000):\n    y = [y]")
        #expect(h.error("x == y") == "RecursionError: maximum recursion depth exceeded in comparison")
        #expect(h.error("it = range(3)\nfor i in range(20000):\n    it = map(abs, it)\nlist(it)") == "RecursionError: maximum recursion depth exceeded while iterating")
        #expect(h.error("'x' * 10**12") == "MemoryError")
        // Sizes no machine has memory for (the budget depends on the machine's memory).
        #expect(h.error("import torch\ntorch.zeros(1000000, 1000000)")?.contains("DefaultCPUAllocator: can't allocate memory") == true)
        #expect(h.error("list(range(10**12))") == "MemoryError")
        for huge in ["torch.arange(0, 10**12)", "torch.randperm(10**12)", "torch.eye(10**6)", "torch.nn.Linear(10**6, 10**6)",
                     "torch.nn.Embedding(10**9, 100)", "torch.nn.RNN(10**6, 10**6)", "torch.zeros(2**62, 2**62)",
                     "torch.nn.functional.one_hot(torch.LongTensor([1]), 10**10)"] {
            let error = h.error(huge) ?? ""
            #expect(error.hasPrefix("RuntimeError: [enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory")
                || error.hasPrefix("RuntimeError: Storage size calculation overflowed with sizes="), "\(huge)")
        }
        #expect(h.result("'%d' % 1e300") == (try? CPython.run("print(repr('%d' % 1e300))"))?.stdout.dropLast().description)
        #expect(h.result("int(torch.tensor(2.7)), list(range(9223372036854775800, 9223372036854775807, 5))") == "(2, [9223372036854775800, 9223372036854775805])")
        #expect(h.result("9100000000000000000 in range(-9200000000000000000, 9200000000000000000, 3)") == "True")
        let nested = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(h.error(nested)?.hasPrefix("SyntaxError") == true)
        _ = h.run("%reset -f")
    }
}
