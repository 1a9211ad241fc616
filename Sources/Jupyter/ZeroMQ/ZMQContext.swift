import CZeroMQ

/// A libzmq error: the failing call and `zmq_strerror`'s text.
public struct ZMQError: Error, Sendable, CustomStringConvertible {
    /// What failed and why.
    public let description: String

    init(_ call: String) {
        let code = zmq_errno()
        description = "\(call): " + String(cString: zmq_strerror(code))
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

    deinit {
        zmq_ctx_term(handle)
    }
}
