/// Jupyter comms as a host offers them to Recur script (ipywidgets' transport). Data and
/// metadata are JSON documents as text: Script knows nothing of the kernel's JSON type.
public protocol ScriptComms: AnyObject {
    /// Opens a comm from the kernel (`comm_open`).
    func open(id: String, target: String, data: String, metadata: String, buffers: [[UInt8]])
    /// Sends on an open comm (`comm_msg`).
    func send(id: String, data: String, buffers: [[UInt8]])
    /// Closes a comm from the kernel (`comm_close`).
    func close(id: String, data: String)
    /// The `msg_id` of the request being answered (what an Output widget captures by).
    var parentMessageID: String { get }
    /// Shows a traceback in the frontend (an `error` message), as IPython's `showtraceback()`.
    func showError(_ failure: ScriptFailure)
    /// While code sleeps: the next comm message from the frontend within `milliseconds`.
    func receiveWhileWaiting(milliseconds: Int) -> ScriptWaitingComm?
    /// Runs the comm messages that arrive while `input()` waits (nil: they wait for the cell).
    var whileAwaitingInput: ((ScriptWaitingComm) -> Void)? { get set }
}

/// A comm message that arrived while a cell waited: its callback runs with `host` (the
/// message is the parent of its output), then `finish` says whether a `comm_open` was taken.
public final class ScriptWaitingComm {
    /// What the frontend sent.
    public let event: ScriptCommEvent
    /// Where the callback's output goes.
    public let host: any ScriptHost
    private let done: (Bool) -> Void

    /// Creates a waiting message.
    public init(event: ScriptCommEvent, host: any ScriptHost, done: @escaping (Bool) -> Void) {
        self.event = event
        self.host = host
        self.done = done
    }

    /// The callback has run.
    public func finish(taken: Bool) { done(taken) }
}

/// A comm message from the frontend, for `Session.receiveComm`.
public struct ScriptCommEvent: Sendable {
    /// What the frontend did: `open` (with its target), `message` or `close`.
    public enum Kind: Sendable, Equatable {
        /// `comm_open` for a target.
        case open(target: String)
        /// `comm_msg`.
        case message
        /// `comm_close`.
        case close
    }

    /// Open, message or close.
    public let kind: Kind
    /// The comm's id.
    public let id: String
    /// `content.data` as JSON text.
    public let data: String
    /// The message's metadata as JSON text.
    public let metadata: String
    /// The binary buffers.
    public let buffers: [[UInt8]]

    /// Creates an event.
    public init(kind: Kind, id: String, data: String, metadata: String, buffers: [[UInt8]]) {
        self.kind = kind
        self.id = id
        self.data = data
        self.metadata = metadata
        self.buffers = buffers
    }
}
