import Glibc
import Script
import ScriptSession
import Rendering

/// The lesson's three programs run as written through the interpreter (15 epochs, prints
/// included), timing the training loop as `%%time` would: the `# Training Cycle` section.
struct LessonAsWritten {
    static let programs = ["rnncell", "rnn", "embedding"]
    static let marker = "# Training Cycle"

    let name: String
    let setup: String
    let loop: String

    /// Reads `directory/NAME.recur` and splits it at the training-cycle comment.
    init?(program: String, directory: String) {
        guard let source = LessonAsWritten.read(directory + "/" + program + ".recur"),
              let range = source.firstRange(of: LessonAsWritten.marker) else { return nil }
        name = "seed_lesson_as_written_" + program
        setup = String(source[..<range.lowerBound])
        loop = String(source[range.lowerBound...])
    }

    /// Microseconds for one run of the loop in a fresh session (setup untimed).
    func runOnce() -> Double? {
        let session = Session()
        let host = DiscardingHost()
        guard case .success = session.execute(setup, cellName: "setup", host: host) else { return nil }
        let start = BenchCommand.now()
        guard case .success = session.execute(loop, cellName: "loop", host: host) else { return nil }
        return BenchCommand.now() - start
    }

    static func read(_ path: String) -> String? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&buffer, 1, buffer.count, handle)
            bytes.append(contentsOf: buffer[0..<n])
            if n < buffer.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Swallows a benchmarked program's output (its prints are still formatted and sent).
final class DiscardingHost: ScriptHost {
    var characters = 0
    func write(_ text: String, to stream: OutputStreamName) { characters &+= text.utf8.count }
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ bundle: MimeBundle) {}
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String { throw InputUnavailable() }
    var interruptRequested: Bool { false }
}
