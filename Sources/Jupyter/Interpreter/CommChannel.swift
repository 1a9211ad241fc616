/// The kernel's side of Jupyter comms while the interpreter runs code: what a language needs
/// to speak a comm protocol (ipywidgets') with the frontend.
public protocol CommChannel: AnyObject {
    /// Opens a comm from the kernel (`comm_open` on iopub); the server lists it in `comm_info`.
    func open(id: String, target: String, data: JSONValue, metadata: JSONValue, buffers: [[UInt8]])
    /// Sends on an open comm (`comm_msg`).
    func send(id: String, data: JSONValue, buffers: [[UInt8]])
    /// Closes a comm from the kernel (`comm_close`).
    func close(id: String, data: JSONValue)
    /// The `msg_id` of the request being answered: what an Output widget captures by.
    var parentMessageID: String { get }
    /// Publishes an `error` message (a traceback shown in the frontend, as IPython's
    /// `showtraceback()` does for an exception a widget callback caught).
    func showError(_ error: ExecutionError)
    /// While code waits (`time.sleep`): the next comm message from the frontend within
    /// `milliseconds`, to run as a callback at once; nil when none came. Other requests that
    /// arrive meanwhile stay queued, in order, for after the cell.
    func receiveWhileWaiting(milliseconds: Int) -> WaitingComm?
    /// Runs the comm messages that arrive while `input()` waits for its reply (set by the
    /// language around the wait; nil: they stay queued).
    var whileAwaitingInput: ((WaitingComm) -> Void)? { get set }
}

/// A comm message that arrived while code waited, for the language to run as a callback
/// before it goes on waiting.
public final class WaitingComm {
    /// What the frontend sent.
    public let event: CommEvent
    /// Where the callback's output goes (the comm message is its parent).
    public let publisher: any OutputPublisher
    private var done: ((Bool) -> Void)?

    init(event: CommEvent, publisher: any OutputPublisher, done: @escaping (Bool) -> Void) {
        self.event = event
        self.publisher = publisher
        self.done = done
    }

    /// The callback has run; `taken` answers a `comm_open` (false: the server closes it).
    public func finish(taken: Bool) {
        done?(taken)
        done = nil
    }
}

/// A comm message from the frontend, as the interpreter receives it.
public struct CommEvent: Sendable {
    /// What the frontend did.
    public enum Kind: Sendable {
        /// `comm_open` for `target`.
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
    /// `content.data`.
    public let data: JSONValue
    /// The message's metadata (`comm_open` carries the protocol version there).
    public let metadata: JSONValue
    /// The binary buffers after the content.
    public let buffers: [[UInt8]]

    /// Creates an event.
    public init(kind: Kind, id: String, data: JSONValue, metadata: JSONValue, buffers: [[UInt8]]) {
        self.kind = kind
        self.id = id
        self.data = data
        self.metadata = metadata
        self.buffers = buffers
    }
}
