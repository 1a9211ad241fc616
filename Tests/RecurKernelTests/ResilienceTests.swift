import Jupyter
import Script
import Testing
@testable import RecurKernel
@testable import Rendering

/// Values, user expressions and completeness checks stay bounded, interruptible and reported
/// as errors, as cells are.
@Suite struct ResilienceTests {
    private func run(_ interpreter: RecurInterpreter, _ code: String, _ publisher: RecordingPublisher) -> ExecuteOutcome {
        interpreter.execute(ExecuteRequest(code: code, executionCount: 1, silent: false, allowStdin: true), publisher: publisher)
    }

    private func failure(_ outcome: ExecuteOutcome) -> ExecutionError? {
        if case .failure(let error) = outcome { return error }
        Issue.record("expected a failure, got \(outcome)")
        return nil
    }

    @Test func aHugeCellValueIsCappedWithANote() {
        let interpreter = RecurInterpreter()
        let outcome = run(interpreter, "'a' * \(3 << 20)", RecordingPublisher())
        guard case .success(let result?) = outcome, let text = result.plainText else {
            Issue.record("expected a value, got \(outcome)")
            return
        }
        #expect(result.data.count == 1)
        // Compared in pieces: a failure must not print megabytes.
        #expect(String(text.prefix(5)) == "'aaaa")
        #expect(text.utf8.count < ResultCap.bytes + 200)
        #expect(String(text.suffix(120)).hasSuffix(
            "a\n[Output truncated: this value's representation is 3 MiB; the first 1 MiB of its text is shown.]"))
    }

    @Test func theCapCutsOnACharacterBoundaryAndKeepsSmallValuesWhole() {
        let small = MimeBundle(plainText: "small", extra: [("text/html", "<b>small</b>")])
        #expect(ResultCap.apply(small, cap: 100) == small)
        let cut = ResultCap.apply(MimeBundle(plainText: "ééééé", extra: [("text/html", "<b>x</b>")]), cap: 5)
        #expect(cut.entries.count == 1)
        #expect(cut.plainText.hasPrefix("éé\n[Output truncated: this value's representation is 18 bytes; the first 4 bytes"))
    }

    @Test func aRaisingUserExpressionIsAnErrorNamingTheExpression() {
        let interpreter = RecurInterpreter(colors: false)
        let publisher = RecordingPublisher()
        _ = run(interpreter, "def boom():\n    raise ValueError('no')\nx = 1\nx", publisher)
        guard let error = failure(interpreter.evaluate(expression: "boom()", publisher: publisher)) else { return }
        #expect(error.name == "ValueError")
        #expect(error.value == "no")
        #expect(error.traceback.contains("<expression>, line 1\n----> 1 boom()\n"))
        #expect(interpreter.evaluate(expression: "x + 1", publisher: publisher) == .success(result: DisplayBundle(plainText: "2")))
    }

    @Test func aLoopingUserExpressionStopsOnInterrupt() {
        let interpreter = RecurInterpreter()
        let publisher = RecordingPublisher()
        _ = run(interpreter, "def spin():\n    while True:\n        pass", publisher)
        publisher.interruptRequested = true
        #expect(failure(interpreter.evaluate(expression: "spin()", publisher: publisher))?.name == "KeyboardInterrupt")
    }

    @Test func aPrintingUserExpressionIsCappedAsACellIs() {
        let interpreter = RecurInterpreter()
        let publisher = RecordingPublisher()
        _ = interpreter.evaluate(expression: "[print('x' * 1000) for i in range(3000)]", publisher: publisher)
        let written = publisher.written.map(\.1).joined()
        #expect(written.utf8.count < 2 << 20)
        #expect(String(written.suffix(200)).contains("[Output truncated: this cell wrote more than 1 MiB"))
    }

    @Test func completenessOfMegabytesOfCodeIsUnknown() {
        let interpreter = RecurInterpreter()
        let code = "x = [" + String(repeating: "1, ", count: 100_000)
        #expect(interpreter.isComplete(code: code) == .unknown)
        #expect(interpreter.isComplete(code: "x = [1, ") == .incomplete(indent: ""))
    }
}

extension ResilienceTests {
    @Test func completionInMegabytesOfCodeLooksAtTheCursorLine() {
        let interpreter = RecurInterpreter()
        let head = String(repeating: "x = 1\n", count: 60_000) + "y = 'é'\n"
        let code = head + "pri"
        let cursor = code.unicodeScalars.count
        let completion = interpreter.complete(code: code, cursor: cursor)
        #expect(completion.matches.contains("print"))
        #expect(completion.cursorStart == cursor - 3)
        #expect(completion.cursorEnd == cursor)
        #expect(interpreter.inspect(code: head + "len", cursor: cursor, detailLevel: 0)?.plainText?.contains("len") == true)
        #expect(RecurInterpreter.cursorLine(code, cursor: cursor - 1) == ("pri", head.unicodeScalars.count))
    }
}
