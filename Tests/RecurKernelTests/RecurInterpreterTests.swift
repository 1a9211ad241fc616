import Jupyter
import Script
import Testing
@testable import RecurKernel
@testable import Rendering

/// Records what the interpreter publishes; answers `input()` from a queue.
final class RecordingPublisher: OutputPublisher {
    var written: [(OutputStream, String)] = []
    var displayed: [(DisplayBundle, String?, Bool)] = []
    var answers: [String] = []
    var interruptRequested = false
    var exitRequests: [Bool] = []
    var nextInputs: [(text: String, replace: Bool)] = []

    func write(_ text: String, to stream: OutputStream) { written.append((stream, text)) }
    func display(_ bundle: DisplayBundle, displayID: String?, isUpdate: Bool) {
        displayed.append((bundle, displayID, isUpdate))
    }
    func clearOutput(wait: Bool) {}
    func page(_ bundle: DisplayBundle) {}
    func askExit(keepKernel: Bool) { exitRequests.append(keepKernel) }
    func setNextInput(_ text: String, replace: Bool) { nextInputs.append((text, replace)) }
    func readInput(prompt: String, password: Bool) throws(InputError) -> String {
        guard !answers.isEmpty else { throw .notAllowed }
        return answers.removeFirst()
    }
}

@Suite struct RecurInterpreterTests {
    private func run(_ interpreter: RecurInterpreter, _ code: String, _ publisher: RecordingPublisher) -> ExecuteOutcome {
        interpreter.execute(ExecuteRequest(code: code, executionCount: 1, silent: false, allowStdin: true), publisher: publisher)
    }

    @Test func printsGoToThePublisherAndValuesComeBack() {
        let interpreter = RecurInterpreter()
        let publisher = RecordingPublisher()
        #expect(run(interpreter, "x = 6\nprint('six', x)", publisher) == .success(result: nil))
        #expect(publisher.written.map(\.1).joined() == "six 6\n")
        #expect(publisher.written.first?.0 == .stdout)
        #expect(run(interpreter, "x * 7", publisher) == .success(result: DisplayBundle(plainText: "42")))
    }

    @Test func errorsCarryNameValueAndTheCellName() {
        let interpreter = RecurInterpreter(colors: false)
        guard case .failure(let error) = run(interpreter, "undefined_name", RecordingPublisher()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.name == "NameError")
        #expect(error.value.contains("undefined_name"))
        #expect(error.traceback.contains("Cell In[1], line 1\n----> 1 undefined_name\n"))
    }

    @Test func tracebacksAreColouredAsIPythonColoursThem() {
        let interpreter = RecurInterpreter()
        guard case .failure(let error) = run(interpreter, "undefined_name", RecordingPublisher()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.traceback.last == "\u{1B}[31mNameError\u{1B}[39m: name 'undefined_name' is not defined")
        #expect(error.traceback.contains { $0.hasPrefix("\u{1B}[36mCell\u{1B}[39m\u{1B}[36m \u{1B}[39m\u{1B}[32mIn[1]") })
    }

    @Test func aRequestedInterruptStopsALoopWithKeyboardInterrupt() {
        let interpreter = RecurInterpreter()
        let publisher = RecordingPublisher()
        publisher.interruptRequested = true
        guard case .failure(let error) = run(interpreter, "while True:\n    pass", publisher) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.name == "KeyboardInterrupt")
    }

    @Test func inputRoundTripsAndRefusalIsAClearError() {
        let interpreter = RecurInterpreter()
        let publisher = RecordingPublisher()
        publisher.answers = ["Ada"]
        #expect(run(interpreter, "name = input('who? ')\nprint(name)", publisher) == .success(result: nil))
        #expect(publisher.written.map(\.1).joined() == "Ada\n")
        guard case .failure(let error) = run(interpreter, "input()", publisher) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.value.contains("does not support input requests"))
    }

    @Test func completenessAndCompletionMapAcross() {
        let interpreter = RecurInterpreter()
        #expect(interpreter.isComplete(code: "for i in range(3):") == .incomplete(indent: "    "))
        #expect(interpreter.isComplete(code: "1)") == .invalid)
        #expect(interpreter.isComplete(code: "x = 1") == .complete)
        let completion = interpreter.complete(code: "pri", cursor: 3)
        #expect(completion.matches.contains("print"))
        #expect(completion.cursorStart == 0)
        #expect(completion.cursorEnd == 3)
    }

    @Test func jsonMimeTypesBecomeJSONDocuments() {
        let bundle = DisplayBundle(
            MimeBundle(plainText: "v", extra: [("application/json", #"{"a": [1, 2]}"#), ("text/html", "<b>v</b>")]))
        #expect(bundle.data.map(\.mimeType) == ["text/plain", "application/json", "text/html"])
        #expect(bundle.data[1].value == ["a": [1, 2]])
        #expect(bundle.data[2].value == "<b>v</b>")
    }
}

/// A publisher whose input wait is always ended by an interrupt.
final class InterruptingInputPublisher: OutputPublisher {
    func write(_ text: String, to stream: OutputStream) {}
    func display(_ bundle: DisplayBundle, displayID: String?, isUpdate: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ bundle: DisplayBundle) {}
    func askExit(keepKernel: Bool) {}
    func setNextInput(_ text: String, replace: Bool) {}
    func readInput(prompt: String, password: Bool) throws(InputError) -> String { throw .interrupted }
    var interruptRequested: Bool { false }
}

@Suite struct RecurInterpreterInputInterruptTests {
    @Test func anInterruptDuringInputIsAKeyboardInterrupt() {
        let interpreter = RecurInterpreter()
        let outcome = interpreter.execute(
            ExecuteRequest(code: "name = input('who? ')", executionCount: 2, silent: false, allowStdin: true),
            publisher: InterruptingInputPublisher())
        guard case .failure(let error) = outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.name == "KeyboardInterrupt")
        #expect(error.traceback.last == "KeyboardInterrupt")
    }
}

@Suite struct RecurInterpreterExitTests {
    @Test func exitAsksThePublisherAndTheCellSucceeds() {
        let interpreter = RecurInterpreter()
        let publisher = RecordingPublisher()
        let outcome = interpreter.execute(
            ExecuteRequest(code: "exit\nprint('still runs')", executionCount: 1, silent: false, allowStdin: true),
            publisher: publisher)
        #expect(outcome == .success(result: nil))
        #expect(publisher.exitRequests == [false])
        #expect(publisher.written.map(\.1).joined() == "still runs\n")
    }
}
