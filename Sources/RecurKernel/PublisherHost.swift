import Jupyter
import Script
import Rendering

/// Script's view of the kernel during one cell: forwards to the server's publisher.
final class PublisherHost: ScriptHost {
    private let publisher: any OutputPublisher
    /// Whether an `input()` wait ended because of an interrupt.
    private(set) var inputWasInterrupted = false

    let comms: (any ScriptComms)?

    init(_ publisher: any OutputPublisher) {
        self.publisher = publisher
        comms = publisher.comms.map { PublisherComms($0) }
    }

    func write(_ text: String, to stream: OutputStreamName) {
        switch stream {
        case .stdout: publisher.write(text, to: .stdout)
        case .stderr: publisher.write(text, to: .stderr)
        }
    }

    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {
        publisher.display(DisplayBundle(bundle), displayID: displayID, isUpdate: isUpdate)
    }

    func clearOutput(wait: Bool) {
        publisher.clearOutput(wait: wait)
    }

    func page(_ bundle: MimeBundle) {
        publisher.page(DisplayBundle(bundle))
    }

    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String {
        do {
            return try publisher.readInput(prompt: prompt, password: password)
        } catch {
            if error == .interrupted { inputWasInterrupted = true }
            throw InputUnavailable()
        }
    }

    var interruptRequested: Bool { publisher.interruptRequested }

    func requestExit(keepKernel: Bool) -> ExitHandling {
        publisher.askExit(keepKernel: keepKernel)
        return .afterCell
    }

    func setNextInput(_ text: String, replace: Bool) -> Bool {
        publisher.setNextInput(text, replace: replace)
        return true
    }
}

extension DisplayBundle {
    /// The same representations, in the same order. JSON MIME types carry JSON documents
    /// on the wire, not strings: their text is parsed (and kept as text if it does not parse).
    init(_ bundle: MimeBundle) {
        self.init(
            data: bundle.entries.map { entry in
                let isJSON = entry.mime == "application/json" || entry.mime.hasSuffix("+json")
                let value = isJSON ? (try? JSONValue.parse(entry.data)) ?? .string(entry.data) : .string(entry.data)
                return (mimeType: entry.mime, value: value)
            })
    }
}
