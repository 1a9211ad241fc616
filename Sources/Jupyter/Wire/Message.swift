/// A decoded, verified Jupyter message received on a ROUTER socket.
public struct Message: Sendable {
    /// The ZeroMQ routing frames before `<IDS|MSG>`; replies go back to them.
    public let identities: [[UInt8]]
    /// The parsed header.
    public let header: MessageHeader
    /// The header frame exactly as received: it becomes `parent_header` of every answer.
    public let rawHeader: [UInt8]
    /// The parent header (an object, possibly empty).
    public let parentHeader: JSONValue
    /// The metadata object.
    public let metadata: JSONValue
    /// The content object.
    public let content: JSONValue
    /// Binary buffers after the content frame.
    public let buffers: [[UInt8]]
}

/// Why received frames were dropped.
public enum WireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `<IDS|MSG>` delimiter, or too few frames after it.
    case missingFrames(String)
    /// The HMAC signature does not match the frames.
    case badSignature
    /// A message with this signature was already received.
    case replayed
    /// A frame is not valid JSON, or a field has the wrong type.
    case malformed(String)

    /// A one-line explanation for the log.
    public var description: String {
        switch self {
        case .missingFrames(let why): return "missing frames: \(why)"
        case .badSignature: return "bad signature"
        case .replayed: return "replayed message (signature seen before)"
        case .malformed(let why): return "malformed message: \(why)"
        }
    }
}
