/// The `header` of a received message: who sent it and what it is.
public struct MessageHeader: Sendable, Equatable {
    /// The message's unique id.
    public let messageID: String
    /// The message type.
    public let type: MessageType
    /// The sender's session id.
    public let session: String
    /// The sender's user name.
    public let username: String

    init(messageID: String, type: MessageType, session: String, username: String) {
        self.messageID = messageID
        self.type = type
        self.session = session
        self.username = username
    }

    /// Reads a header, rejecting missing or mistyped required fields.
    init(json: JSONValue) throws(WireError) {
        guard case .object(let fields) = json else { throw .malformed("header is not an object") }
        guard let id = fields["msg_id"]?.stringValue else { throw .malformed("header.msg_id is not a string") }
        guard let type = fields["msg_type"]?.stringValue else {
            throw .malformed("header.msg_type is not a string")
        }
        let session = fields["session"]?.stringValue ?? ""
        let username = fields["username"]?.stringValue ?? ""
        if let value = fields["session"], value.stringValue == nil {
            throw .malformed("header.session is not a string")
        }
        self.init(messageID: id, type: MessageType(rawValue: type), session: session, username: username)
    }
}
