import CZeroMQ

/// A libzmq error: the failing call and `zmq_strerror`'s text.
public struct ZMQError: Error, Sendable, CustomStringConvertible {
    /// What failed and why.
    public let description: String
    /// libzmq's text for the error alone ("Address already in use").
    let reason: String

    init(_ call: String) {
        reason = String(cString: zmq_strerror(zmq_errno()))
        description = "\(call): " + reason
    }

    init(description: String) {
        self.description = description
        reason = description
    }
}

/// A libzmq context; every socket of one kernel lives in one.
final class ZMQContext: @unchecked Sendable {
    // libzmq contexts are thread-safe; this class only ever passes the pointer along.
    let handle: UnsafeMutableRawPointer

    init() throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError("zmq_ctx_new") }
        self.handle = handle
    }

    // Runs once every socket has been closed (each holds its context), and every socket
    // lingers 0 ms, so termination never waits for a peer.
    deinit {
        zmq_ctx_term(handle)
    }
}
