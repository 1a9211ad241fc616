import Rendering
/// `%%capture [--no-stdout] [--no-stderr] [--no-display] [name]`: a host that keeps what a
/// cell prints and displays, and IPython's `CapturedIO` that holds it afterwards.
package final class CapturingHost: ScriptHost {
    package let inner: any ScriptHost
    package let output: CapturedOutputObject
    private let keepsStdout: Bool, keepsStderr: Bool, keepsDisplays: Bool

    init(_ inner: any ScriptHost, stdout: Bool, stderr: Bool, displays: Bool) {
        self.inner = inner
        self.output = CapturedOutputObject()
        keepsStdout = stdout
        keepsStderr = stderr
        keepsDisplays = displays
    }

    package func write(_ text: String, to stream: OutputStreamName) {
        switch stream {
        case .stdout where keepsStdout: output.stdout += text
        case .stderr where keepsStderr: output.stderr += text
        case .stdout, .stderr: inner.write(text, to: stream)
        }
    }

    package func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {
        if keepsDisplays { output.displays.append(bundle) } else { inner.display(bundle, displayID: displayID, isUpdate: isUpdate) }
    }

    package func clearOutput(wait: Bool) { inner.clearOutput(wait: wait) }
    package func page(_ bundle: MimeBundle) { inner.page(bundle) }
    package func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String {
        try inner.readInput(prompt: prompt, password: password)
    }
    package var interruptRequested: Bool { inner.interruptRequested }
    package var comms: (any ScriptComms)? { inner.comms }
    package func requestExit(keepKernel: Bool) -> ExitHandling { inner.requestExit(keepKernel: keepKernel) }
    package func setNextInput(_ text: String, replace: Bool) -> Bool { inner.setNextInput(text, replace: replace) }
    package func flush() { inner.flush() }
    package func flush(_ stream: OutputStreamName) { inner.flush(stream) }
}

/// IPython's `CapturedIO`: `stdout`, `stderr`, and `show()` (or a call) to replay them.
package final class CapturedOutputObject: ScriptObject {
    package var stdout = ""
    package var stderr = ""
    package var displays: [MimeBundle] = []

    package var typeName: String { "CapturedIO" }
    package var attributeNames: [String] { ["show", "stderr", "stdout"] }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<IPython.utils.capture.CapturedIO object at \(addressText(of: self))>"
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
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

    package func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
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
