import Synchronization
@testable import Jupyter

/// An interpreter whose behaviour each test scripts per cell source.
///
/// - "print TEXT" writes TEXT to stdout; "warn TEXT" to stderr
/// - "value TEXT" returns TEXT as the cell's value
/// - "fail" raises ValueError
/// - "ask PROMPT" reads a line and prints it back
/// - "spin" loops until interrupted, then raises KeyboardInterrupt
/// - "display ID" shows a bundle with that display id, "update ID" updates it
/// - "clear" clears the output; "page TEXT" pages TEXT
/// - "exit" asks to exit (IPython's `exit`), "exit keep" keeping the kernel; "exit fail" asks
///   and then raises ValueError
final class MockInterpreter: Interpreter, @unchecked Sendable {
    private(set) var executed: [ExecuteRequest] = []
    private(set) var shutdownRestart: Bool?
    /// Set once "spin" is looping, so another thread knows when to interrupt.
    let spinning = Atomic<Bool>(false)

    func execute(_ request: ExecuteRequest, publisher: any OutputPublisher) -> ExecuteOutcome {
        executed.append(request)
        let (verb, argument) = split(request.code)
        switch verb {
        case "print": publisher.write(argument + "\n", to: .stdout)
        case "warn": publisher.write(argument + "\n", to: .stderr)
        case "value": return .success(result: DisplayBundle(plainText: argument))
        case "fail": return .failure(ExecutionError(name: "ValueError", value: "bad", traceback: ["ValueError: bad"]))
        case "ask":
            do {
                let line = try publisher.readInput(prompt: argument, password: false)
                publisher.write(line, to: .stdout)
            } catch {
                return .failure(ExecutionError(name: "StdinNotImplementedError", value: "\(error)", traceback: []))
            }
        case "spin":
            spinning.store(true, ordering: .releasing)
            while !publisher.interruptRequested {}
            return .failure(ExecutionError(name: "KeyboardInterrupt", value: "", traceback: ["KeyboardInterrupt"]))
        case "display":
            publisher.display(DisplayBundle(plainText: "shown"), displayID: argument, isUpdate: false)
        case "update":
            publisher.display(DisplayBundle(plainText: "updated"), displayID: argument, isUpdate: true)
        case "clear": publisher.clearOutput(wait: true)
        case "page": publisher.page(DisplayBundle(plainText: argument))
        case "exit":
            publisher.askExit(keepKernel: argument == "keep")
            if argument == "fail" {
                return .failure(ExecutionError(name: "ValueError", value: "bad", traceback: ["ValueError: bad"]))
            }
        default: break
        }
        return .success(result: nil)
    }

    func evaluate(expression: String, publisher: any OutputPublisher) -> ExecuteOutcome {
        if expression == "fail" {
            return .failure(ExecutionError(name: "NameError", value: "fail", traceback: []))
        }
        return .success(result: DisplayBundle(plainText: "<\(expression)>"))
    }

    func complete(code: String, cursor: Int) -> Completion {
        Completion(matches: ["alpha", "alpine"], cursorStart: 0, cursorEnd: cursor)
    }

    func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle? {
        code == "known" ? DisplayBundle(plainText: "known: a thing (detail \(detailLevel))") : nil
    }

    func isComplete(code: String) -> CodeCompleteness {
        if code.hasSuffix(":") { return .incomplete(indent: "    ") }
        if code.hasPrefix(")") { return .invalid }
        return .complete
    }

    func shutdown(restart: Bool) {
        shutdownRestart = restart
    }

    private func split(_ code: String) -> (String, String) {
        guard let space = code.firstIndex(of: " ") else { return (code, "") }
        return (String(code[..<space]), String(code[code.index(after: space)...]))
    }
}
