import Rendering
/// `%%capture [--no-stdout] [--no-stderr] [--no-display] [name]`: a host that keeps what a
/// cell prints and displays, and IPython's `CapturedIO` that holds it afterwards.
final class CapturingHost: ScriptHost {
    let inner: any ScriptHost
    let output: CapturedOutputObject
    private let keepsStdout: Bool, keepsStderr: Bool, keepsDisplays: Bool

    init(_ inner: any ScriptHost, stdout: Bool, stderr: Bool, displays: Bool) {
        self.inner = inner
        self.output = CapturedOutputObject()
        keepsStdout = stdout
        keepsStderr = stderr
        keepsDisplays = displays
    }

    func write(_ text: String, to stream: OutputStreamName) {
        switch stream {
        case .stdout where keepsStdout: output.stdout += text
        case .stderr where keepsStderr: output.stderr += text
        case .stdout, .stderr: inner.write(text, to: stream)
        }
    }

    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {
        if keepsDisplays { output.displays.append(bundle) } else { inner.display(bundle, displayID: displayID, isUpdate: isUpdate) }
    }

    func clearOutput(wait: Bool) { inner.clearOutput(wait: wait) }
    func page(_ bundle: MimeBundle) { inner.page(bundle) }
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String {
        try inner.readInput(prompt: prompt, password: password)
    }
    var interruptRequested: Bool { inner.interruptRequested }
    var comms: (any ScriptComms)? { inner.comms }
    func requestExit(keepKernel: Bool) -> ExitHandling { inner.requestExit(keepKernel: keepKernel) }
    func setNextInput(_ text: String, replace: Bool) -> Bool { inner.setNextInput(text, replace: replace) }
    func flush() { inner.flush() }
    func flush(_ stream: OutputStreamName) { inner.flush(stream) }
}

/// IPython's `CapturedIO`: `stdout`, `stderr`, and `show()` (or a call) to replay them.
final class CapturedOutputObject: ScriptObject {
    var stdout = ""
    var stderr = ""
    var displays: [MimeBundle] = []

    var typeName: String { "CapturedIO" }
    var attributeNames: [String] { ["show", "stderr", "stdout"] }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<IPython.utils.capture.CapturedIO object at \(addressText(of: self))>"
    }

    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "stdout": return .str(stdout)
        case "stderr": return .str(stderr)
        case "show":
            return .builtin(BuiltinFunction("show", signature: "CapturedIO.show()") { [self] interpreter, a throws(ScriptError) in
                try a.expect("show", 0...0)
                replay(interpreter)
                return .none
            })
        default: return nil
        }
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try arguments.expect("CapturedIO", 0...0)
        replay(interpreter)
        return Value.none
    }

    private func replay(_ interpreter: Interpreter) {
        if !stdout.isEmpty { interpreter.host.write(stdout, to: .stdout) }
        if !stderr.isEmpty { interpreter.host.write(stderr, to: .stderr) }
        for bundle in displays { interpreter.host.display(bundle, displayID: nil, isUpdate: false) }
    }
}
