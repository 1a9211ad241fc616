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
