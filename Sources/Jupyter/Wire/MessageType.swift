/// A Jupyter `msg_type`, such as `execute_request` or `status`.
public struct MessageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The wire spelling.
    public let rawValue: String

    /// Wraps a wire spelling; any string is a message type, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The wire spelling.
    public var description: String { rawValue }

    /// The reply type for a request type (`x_request` -> `x_reply`).
    var reply: MessageType {
        guard rawValue.hasSuffix("_request") else { return MessageType(rawValue: rawValue + "_reply") }
        return MessageType(rawValue: String(rawValue.dropLast("_request".count)) + "_reply")
    }
}

extension MessageType {
    static let executeRequest = MessageType(rawValue: "execute_request")
    static let executeReply = MessageType(rawValue: "execute_reply")
    static let kernelInfoRequest = MessageType(rawValue: "kernel_info_request")
    static let completeRequest = MessageType(rawValue: "complete_request")
    static let inspectRequest = MessageType(rawValue: "inspect_request")
    static let isCompleteRequest = MessageType(rawValue: "is_complete_request")
    static let historyRequest = MessageType(rawValue: "history_request")
    static let commInfoRequest = MessageType(rawValue: "comm_info_request")
    static let commOpen = MessageType(rawValue: "comm_open")
    static let commMsg = MessageType(rawValue: "comm_msg")
    static let commClose = MessageType(rawValue: "comm_close")
    static let shutdownRequest = MessageType(rawValue: "shutdown_request")
    static let shutdownReply = MessageType(rawValue: "shutdown_reply")
    static let interruptRequest = MessageType(rawValue: "interrupt_request")
    static let debugRequest = MessageType(rawValue: "debug_request")
    static let debugEvent = MessageType(rawValue: "debug_event")
    static let inputRequest = MessageType(rawValue: "input_request")
    static let inputReply = MessageType(rawValue: "input_reply")

    static let status = MessageType(rawValue: "status")
    static let stream = MessageType(rawValue: "stream")
    static let executeInput = MessageType(rawValue: "execute_input")
    static let executeResult = MessageType(rawValue: "execute_result")
    static let displayData = MessageType(rawValue: "display_data")
    static let updateDisplayData = MessageType(rawValue: "update_display_data")
    static let clearOutput = MessageType(rawValue: "clear_output")
    static let error = MessageType(rawValue: "error")
    static let iopubWelcome = MessageType(rawValue: "iopub_welcome")
}
