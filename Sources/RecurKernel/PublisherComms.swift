import Jupyter
import Script

/// Script's comms over the server's: JSON text parsed into the kernel's JSON values (text
/// that does not parse, which Script's writer never produces, goes out as null).
final class PublisherComms: ScriptComms {
    private let channel: any CommChannel

    init(_ channel: any CommChannel) {
        self.channel = channel
    }

    private static func json(_ text: String) -> JSONValue {
        (try? JSONValue.parse(text)) ?? .null
    }

    func open(id: String, target: String, data: String, metadata: String, buffers: [[UInt8]]) {
        channel.open(id: id, target: target, data: Self.json(data), metadata: Self.json(metadata), buffers: buffers)
    }

    func send(id: String, data: String, buffers: [[UInt8]]) {
        channel.send(id: id, data: Self.json(data), buffers: buffers)
    }

    func close(id: String, data: String) {
        channel.close(id: id, data: Self.json(data))
    }

    var parentMessageID: String { channel.parentMessageID }

    func showError(_ failure: ScriptFailure) {
        channel.showError(ExecutionError(name: failure.name, value: failure.message, traceback: failure.traceback))
    }

    func receiveWhileWaiting(milliseconds: Int) -> ScriptWaitingComm? {
        channel.receiveWhileWaiting(milliseconds: milliseconds).map(Self.waiting)
    }

    var whileAwaitingInput: ((ScriptWaitingComm) -> Void)? {
        get { nil }
        set { channel.whileAwaitingInput = newValue.map { run in { waiting in run(Self.waiting(waiting)) } } }
    }

    private static func waiting(_ comm: WaitingComm) -> ScriptWaitingComm {
        ScriptWaitingComm(event: ScriptCommEvent(comm.event), host: PublisherHost(comm.publisher)) { taken in
            comm.finish(taken: taken)
        }
    }
}

extension ScriptCommEvent {
    /// The kernel's comm event as Script receives it (JSON as text).
    init(_ event: CommEvent) {
        let kind: ScriptCommEvent.Kind = switch event.kind {
        case .open(let target): .open(target: target)
        case .message: .message
        case .close: .close
        }
        self.init(
            kind: kind, id: event.id, data: String(decoding: event.data.serialized, as: UTF8.self),
            metadata: String(decoding: event.metadata.serialized, as: UTF8.self), buffers: event.buffers)
    }
}
