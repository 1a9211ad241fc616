import Synchronization
@testable import Jupyter

/// A shell and a control dispatcher wired to memory channels, and a client that signs
/// requests with the same key: the whole server minus ZeroMQ.
// @unchecked: the interrupt test hands it to a second task while the first only reads atomics.
final class KernelHarness: @unchecked Sendable {
    let key = Array("harness-key".utf8)
    let shell = MemoryChannel()
    let controlChannel = MemoryChannel()
    let stdin = MemoryChannel()
    let iopub = MemoryChannel()
    let control = KernelControl()
    let logged = LogRecorder()
    let shellDispatcher: Dispatcher
    let controlDispatcher: Dispatcher
    /// Signs requests the way a frontend does (its own replay memory).
    let client: WireCodec
    static let clientIdentity = Array("client-1".utf8)

    init(interpreter: any Interpreter) {
        let signer = MessageSigner(key: key)
        let seen = SeenSignatures()
        let info = KernelInfo(
            implementation: "mock", implementationVersion: "1.0", banner: "Mock kernel", languageName: "mock",
            languageVersion: "1.0", mimetype: "text/x-mock", fileExtension: ".mock", pygmentsLexer: "python",
            codemirrorMode: "python", helpLinks: [("Docs", "https://example.invalid/docs")])
        let log = logged.log
        shellDispatcher = Dispatcher(
            role: .shell, codec: WireCodec(signer: signer, session: "kernel", seen: seen, channelTag: "s"),
            channel: shell, iopub: iopub, stdin: stdin, interpreter: interpreter, kernelInfo: info,
            control: control, log: log)
        controlDispatcher = Dispatcher(
            role: .control, codec: WireCodec(signer: signer, session: "kernel", seen: seen, channelTag: "c"),
            channel: controlChannel, iopub: iopub, stdin: nil, interpreter: nil, kernelInfo: info,
            control: control, log: log)
        client = WireCodec(signer: signer, session: "client", seen: SeenSignatures(), channelTag: "x")
    }

    /// Signed request frames from the client.
    func request(_ type: String, _ content: JSONValue) -> [[UInt8]] {
        client.encode(
            MessageType(rawValue: type), content: content, parent: nil, identities: [Self.clientIdentity])
    }

    /// Sends a request on shell and returns its msg_id.
    @discardableResult
    func sendShell(_ type: String, _ content: JSONValue) -> String {
        let frames = request(type, content)
        let id = decodeAll([frames]).first?.message.header.messageID ?? ""
        shellDispatcher.handle(frames)
        return id
    }

    /// Verified decoding; a fresh replay memory each time, since tests read frames repeatedly.
    func decodeAll(_ frames: [[[UInt8]]]) -> [Recorded] {
        let reader = WireCodec(signer: MessageSigner(key: key), session: "reader", seen: SeenSignatures(), channelTag: "r")
        return frames.compactMap { try? reader.decode($0) }.map(Recorded.init)
    }

    var iopubMessages: [Recorded] { decodeAll(iopub.sent) }
    var shellReplies: [Recorded] { decodeAll(shell.sent) }
    var controlReplies: [Recorded] { decodeAll(controlChannel.sent) }

    /// The iopub messages whose parent is `id`, by type.
    func iopubTypes(parent id: String) -> [String] {
        iopubMessages.filter { $0.parentID == id }.map(\.type)
    }
}

/// Collects log lines.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])
    var log: KernelLog { { line in self.lines.withLock { $0.append(line) } } }
    var all: [String] { lines.withLock { $0 } }
}
