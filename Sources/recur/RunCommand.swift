import ArgumentParser
import Glibc
import Script
import ScriptSession
import Synchronization
import Tensors
import Rendering

/// `recur run FILE.recur`: runs a script with the kernel's interpreter.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Recur script file: output to stdout, a traceback to stderr, exit 1 on error.",
        discussion: "exit() or quit() ends the script with status 0, sys.exit(n) with status n."
    )

    @ArgumentParser.Argument(help: "The script to run (a .recur file).")
    var file: String

    @ArgumentParser.Argument(parsing: .captureForPassthrough, help: "Arguments for the script (sys.argv[1:]).")
    var arguments: [String] = []

    func run() throws {
        guard let source = readFile(file) else {
            FileDescriptorStream.standardError.write("recur run: cannot read \(file): \(String(cString: strerror(errno)))\n")
            throw ExitCode(2)
        }
        Allocator.tuneForTraining()
        let host = ProcessHost()
        StdoutBuffer.writeOutOnCrash()
        let signals = RunSignals(flushOutput: { host.flush() })
        host.signals = signals
        let session = Session()
        session.setScript(path: file, arguments: arguments)
        let outcome = session.execute(source, cellName: "File \"\(file)\"", host: host, output: .direct)
        host.flush()
        signals.stop()
        guard case .failure(let failure) = outcome else { return }
        switch signals.signal {
        case .terminate:
            RunSignals.die(by: SIGTERM)
        case .interrupt where failure.name == "KeyboardInterrupt":
            // As CPython: the traceback, then death by SIGINT, so the shell sees the interrupt.
            FileDescriptorStream.standardError.write(failure.traceback.joined(separator: "\n") + "\n")
            RunSignals.die(by: SIGINT)
        case .interrupt, .none:
            break
        }
        if failure.name == "SystemExit" {
            // As Python: no argument (exit(), quit(), sys.exit()) is success, a number is the
            // status, anything else is printed to stderr with status 1.
            if let status = failure.exitStatus {
                if status == 0 { return }
                throw ExitCode(status)
            }
            FileDescriptorStream.standardError.write(failure.message + "\n")
            throw ExitCode(1)
        }
        FileDescriptorStream.standardError.write(failure.traceback.joined(separator: "\n") + "\n")
        throw ExitCode(1)
    }

    private func readFile(_ path: String) -> String? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, handle)
            if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
        }
        if ferror(handle) != 0 { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A script host over the process's own streams, as CPython's: stdout line-buffered to a
/// terminal and block-buffered (64 KiB) to a file or pipe, stderr unbuffered; nothing capped.
final class ProcessHost: ScriptHost, @unchecked Sendable {
    // @unchecked: `signals` is set once before the program runs; the buffer locks for itself,
    // since the signal thread may flush it when SIGTERM finds the program in native code.
    private let lineBuffered = isatty(STDOUT_FILENO) == 1
    var signals: RunSignals?

    func flush() {
        StdoutBuffer.flush()
    }

    /// stderr is unbuffered: flushing it leaves stdout's buffer alone, as in CPython.
    func flush(_ stream: OutputStreamName) {
        if stream == .stdout { flush() }
    }

    func write(_ text: String, to stream: OutputStreamName) {
        switch stream {
        case .stdout:
            let bytes = Array(text.utf8)
            StdoutBuffer.append(bytes)
            if lineBuffered && bytes.contains(UInt8(ascii: "\n")) { flush() }
        case .stderr:
            // A terminal shows both streams in the order they were written.
            if lineBuffered { flush() }
            FileDescriptorStream.standardError.write(text)
        }
    }

    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {
        write(bundle.plainText + "\n", to: .stdout)
    }

    func clearOutput(wait: Bool) {}

    func page(_ bundle: MimeBundle) {
        write(bundle.plainText + "\n", to: .stdout)
    }

    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String {
        write(prompt, to: .stdout)
        flush()
        guard let line = readLine(strippingNewline: true) else { throw InputUnavailable() }
        return line
    }

    var interruptRequested: Bool { signals?.interruptRequested ?? false }
}

/// Writes whole strings to a file descriptor, retrying short writes.
struct FileDescriptorStream {
    let descriptor: Int32

    static let standardOutput = FileDescriptorStream(descriptor: 1)
    static let standardError = FileDescriptorStream(descriptor: 2)

    func write(_ text: String) {
        Array(text.utf8).withUnsafeBytes { write(raw: $0) }
    }

    func write(raw bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
