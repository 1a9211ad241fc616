/// One end of a kernel channel as the dispatcher sees it: frames in, frames out.
///
/// ZeroMQ sockets implement it for real; tests implement it in memory.
protocol FrameChannel: AnyObject {
    /// Sends a multipart message; false if it could not be queued.
    @discardableResult
    func send(_ frames: [[UInt8]]) -> Bool

    /// The next message within `timeoutMilliseconds` (0: only if one is waiting).
    func receive(timeoutMilliseconds: Int) -> [[UInt8]]?
}

extension ZMQSocket: FrameChannel {}

/// Where the server reports dropped messages and other trouble (stderr in `recur kernel`).
public typealias KernelLog = @Sendable (String) -> Void
