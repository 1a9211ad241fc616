import CZeroMQ

/// A Jupyter kernel's sockets and threads, serving one `Interpreter`.
///
/// Threads: the caller of `run` serves shell and stdin and owns the interpreter; control
/// and heartbeat have a thread each so that they answer while a cell runs; one forwarder
/// thread owns the iopub socket.
public final class KernelServer {
    /// The interrupt flag and stop request shared with every thread (and with a signal handler).
    public let control = KernelControl()

    private let context: ZMQContext
    private let connection: ConnectionInfo
    private let kernelInfo: KernelInfo
    private let log: KernelLog
    private let session: String
    private let seen = SeenSignatures()
    private let shell: ZMQSocket
    private let controlSocket: ZMQSocket
    private let stdin: ZMQSocket
    private let iopub: ZMQSocket
    private let heartbeat: ZMQSocket
    private let iopubInbox: ZMQSocket

    private static let inboxEndpoint = "inproc://iopub"

    /// Binds every channel of `connection`; throws when a socket cannot be set up.
    public init(connection: ConnectionInfo, kernelInfo: KernelInfo, log: @escaping KernelLog) throws(ZMQError) {
        self.connection = connection
        self.kernelInfo = kernelInfo
        self.log = log
        self.session = Self.makeSessionID()
        context = try ZMQContext()
        shell = try ZMQSocket(context, type: ZMQ_ROUTER)
        controlSocket = try ZMQSocket(context, type: ZMQ_ROUTER)
        stdin = try ZMQSocket(context, type: ZMQ_ROUTER)
        iopub = try ZMQSocket(context, type: ZMQ_XPUB)
        heartbeat = try ZMQSocket(context, type: ZMQ_REP)
        iopubInbox = try ZMQSocket(context, type: ZMQ_PULL)

        // Every subscription, not only the first per topic, gets its iopub_welcome.
        try iopub.setOption(ZMQ_XPUB_VERBOSE, 1)
        let channels: [(ZMQSocket, Int)] = [
            (shell, connection.shellPort), (controlSocket, connection.controlPort), (stdin, connection.stdinPort),
            (iopub, connection.iopubPort), (heartbeat, connection.heartbeatPort),
        ]
        for (socket, port) in channels {
            if let curve = connection.curve { try socket.makeCurveServer(secretKey: curve.secretKey) }
            try socket.bind(connection.endpoint(port: port))
        }
        try iopubInbox.bind(Self.inboxEndpoint)
    }

    /// Serves until a shutdown request; returns whether it asked for a restart.
    ///
    /// The interpreter is only ever called on the calling thread.
    public func run(interpreter: any Interpreter) throws(ZMQError) -> Bool {
        let key = connection.key
        let shellPush = try inboxPusher()
        let controlPush = try inboxPusher()
        let forwarder = IOPubForwarder(
            xpub: iopub, inbox: iopubInbox,
            codec: WireCodec(signer: MessageSigner(key: key), session: session, seen: seen, channelTag: "w"))
        let forwarderThread = try NativeThread { forwarder.run() }
        let threads = try startThreads(key: key, controlPush: controlPush)

        let dispatcher = Dispatcher(
            role: .shell, codec: WireCodec(signer: MessageSigner(key: key), session: session, seen: seen, channelTag: "s"),
            channel: shell, iopub: shellPush, stdin: stdin, interpreter: interpreter, kernelInfo: kernelInfo,
            control: control, log: log)
        dispatcher.publish(.status, ["execution_state": "starting"], parent: nil)
        dispatcher.run()

        shell.close(lingerMilliseconds: 200)
        stdin.close()
        shellPush.close(lingerMilliseconds: 200)
        for thread in threads { thread.join() }
        forwarder.finish()
        forwarderThread.join()
        return control.isRestarting
    }

    private func inboxPusher() throws(ZMQError) -> ZMQSocket {
        let push = try ZMQSocket(context, type: ZMQ_PUSH)
        try push.connect(Self.inboxEndpoint)
        return push
    }

    private func startThreads(key: [UInt8], controlPush: ZMQSocket) throws(ZMQError) -> [NativeThread] {
        let beat = Heartbeat(socket: heartbeat, control: control)
        let controlLoop = ControlLoop(
            socket: controlSocket, push: controlPush, key: key, session: session, seen: seen,
            kernelInfo: kernelInfo, control: control, log: log)
        return [
            try NativeThread { beat.run() },
            try NativeThread { controlLoop.run() },
        ]
    }

    /// A random 32-hex-digit session id, like a UUID without dashes.
    private static func makeSessionID() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The control channel's thread: kernel_info, shutdown and interrupt while a cell runs.
private final class ControlLoop: @unchecked Sendable {
    // @unchecked: both sockets belong to the control thread once `run` starts.
    let socket: ZMQSocket
    let push: ZMQSocket
    let key: [UInt8]
    let session: String
    let seen: SeenSignatures
    let kernelInfo: KernelInfo
    let control: KernelControl
    let log: KernelLog

    init(
        socket: ZMQSocket, push: ZMQSocket, key: [UInt8], session: String, seen: SeenSignatures,
        kernelInfo: KernelInfo, control: KernelControl, log: @escaping KernelLog
    ) {
        self.socket = socket
        self.push = push
        self.key = key
        self.session = session
        self.seen = seen
        self.kernelInfo = kernelInfo
        self.control = control
        self.log = log
    }

    func run() {
        let dispatcher = Dispatcher(
            role: .control, codec: WireCodec(signer: MessageSigner(key: key), session: session, seen: seen, channelTag: "c"),
            channel: socket, iopub: push, stdin: nil, interpreter: nil, kernelInfo: kernelInfo, control: control,
            log: log)
        dispatcher.run()
        socket.close(lingerMilliseconds: 200)
        push.close(lingerMilliseconds: 200)
    }
}
