import CZeroMQ

/// One ZeroMQ socket. Not thread-safe: exactly one thread uses it at a time.
final class ZMQSocket: @unchecked Sendable {
    // @unchecked: a socket is created on one thread and handed to the one thread that
    // owns it from then on; thread creation is the memory barrier libzmq requires.
    private var handle: UnsafeMutableRawPointer?
    // Held so that the context is terminated only after its last socket is closed:
    // `zmq_ctx_term` waits forever for sockets that are still open.
    private let context: ZMQContext

    init(_ context: ZMQContext, type: Int32) throws(ZMQError) {
        guard let handle = zmq_socket(context.handle, type) else { throw ZMQError("zmq_socket") }
        self.handle = handle
        self.context = context
        // Never let unsent messages hold up shutdown or restart.
        try setOption(ZMQ_LINGER, 0)
    }

    func setOption(_ option: Int32, _ value: Int32) throws(ZMQError) {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw ZMQError("zmq_setsockopt(\(option))")
        }
    }

    func setOption(_ option: Int32, _ value: String) throws(ZMQError) {
        let bytes = Array(value.utf8)
        let status = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard status == 0 else { throw ZMQError("zmq_setsockopt(\(option))") }
    }

    /// The file descriptor libzmq signals when the socket may have something to read.
    func descriptor() throws(ZMQError) -> Int32 {
        var descriptor: Int32 = -1
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, ZMQ_FD, &descriptor, &size) == 0 else { throw ZMQError("zmq_getsockopt(ZMQ_FD)") }
        return descriptor
    }

    /// Makes this socket a CurveZMQ server holding `secretKey` (Z85); must precede bind.
    func makeCurveServer(secretKey: String) throws(ZMQError) {
        try setOption(ZMQ_CURVE_SERVER, 1)
        try setOption(ZMQ_CURVE_SECRETKEY, secretKey)
    }

    func bind(_ endpoint: String) throws(ZMQError) {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError("bind \(endpoint)") }
    }

    func connect(_ endpoint: String) throws(ZMQError) {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError("connect \(endpoint)") }
    }

    /// Sends a multipart message; false if the socket refused it.
    @discardableResult
    func send(_ frames: [[UInt8]]) -> Bool {
        guard let handle else { return false }
        for (index, frame) in frames.enumerated() {
            let flags = index + 1 < frames.count ? ZMQ_SNDMORE : 0
            let sent = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
            if sent < 0 { return false }
        }
        return true
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) for a message; nil on timeout or when
    /// the context is shutting down.
    func receive(timeoutMilliseconds: Int) -> [[UInt8]]? {
        guard let handle else { return nil }
        if timeoutMilliseconds >= 0, !poll(timeoutMilliseconds: timeoutMilliseconds) { return nil }
        var frames: [[UInt8]] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while true {
            guard zmq_msg_recv(&message, handle, 0) >= 0 else { return nil }
            let size = zmq_msg_size(&message)
            if let data = zmq_msg_data(&message), size > 0 {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            if zmq_msg_more(&message) == 0 { return frames }
        }
    }

    /// Whether a message can be read within the timeout.
    func poll(timeoutMilliseconds: Int) -> Bool {
        guard let handle else { return false }
        var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        return zmq_poll(&item, 1, timeoutMilliseconds) > 0 && (item.revents & Int16(ZMQ_POLLIN)) != 0
    }

    /// Closes the socket, first giving queued messages `lingerMilliseconds` to leave (a
    /// graceful shutdown's last replies); the default drops them at once.
    func close(lingerMilliseconds: Int32 = 0) {
        guard let handle else { return }
        if lingerMilliseconds > 0 { try? setOption(ZMQ_LINGER, lingerMilliseconds) }
        zmq_close(handle)
        self.handle = nil
    }

    deinit {
        close()
    }
}
