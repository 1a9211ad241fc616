import Script
import Synchronization
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

/// A host that records everything a cell sends, for assertions.
final class RecordingHost: ScriptHost {
    var stdout = ""
    var stderr = ""
    var pages: [MimeBundle] = []
    var displays: [MimeBundle] = []
    var inputs: [String]
    var prompts: [String] = []
    /// Interrupt after this many polls (nil: never).
    var interruptAfterPolls: Int?
    private var polls = 0

    init(inputs: [String] = []) {
        self.inputs = inputs
    }

    func write(_ text: String, to stream: OutputStreamName) {
        switch stream {
        case .stdout: stdout += text
        case .stderr: stderr += text
        }
    }

    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) { displays.append(bundle) }
    func clearOutput(wait: Bool) {}
    func page(_ bundle: MimeBundle) { pages.append(bundle) }

    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String {
        prompts.append(prompt)
        guard !inputs.isEmpty else { throw InputUnavailable() }
        return inputs.removeFirst()
    }

    var interruptRequested: Bool {
        guard let limit = interruptAfterPolls else { return false }
        polls += 1
        return polls > limit
    }
}

/// Runs cells in one session and returns what they produced.
struct Harness {
    let session = Session()
    let host = RecordingHost()
    var count = 0

    mutating func run(_ code: String) -> ExecutionOutcome {
        count += 1
        return session.execute(code, cellName: "Cell In[\(count)]", host: host)
    }

    /// The cell's result text, or the failure as `Name: message`.
    mutating func result(_ code: String) -> String? {
        switch run(code) {
        case .success(let bundle): return bundle?.plainText
        case .failure(let failure): return failure.message.isEmpty ? failure.name : "\(failure.name): \(failure.message)"
        }
    }

    /// The failure's `Name: message`, or nil when the cell succeeded.
    mutating func error(_ code: String) -> String? {
        if case .failure(let failure) = run(code) {
            return failure.message.isEmpty ? failure.name : "\(failure.name): \(failure.message)"
        }
        return nil
    }

    /// What the cell printed to stdout.
    mutating func output(_ code: String) -> String {
        let before = host.stdout.count
        _ = run(code)
        return String(host.stdout.dropFirst(before))
    }
}
