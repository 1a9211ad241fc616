import CZeroMQ

/// A Jupyter kernel's sockets and threads, serving one `Interpreter`.
///
/// Threads: the caller of `run` serves shell and stdin and owns the interpreter; control
/// and heartbeat have a thread each so that they answer while a cell runs; iopub is owned by
/// an `IOPubChannel` that both publish through, with a thread watching for subscriptions.
public final class KernelServer {
    /// Shell requests libzmq holds per client before it applies backpressure.
    static let queuedRequestsPerClient: Int32 = 32

    /// The interrupt flag and stop request shared with every thread (and with a signal handler).
    public let control: KernelControl

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
    private let historyFile: HistoryFile?

    /// Binds every channel of `connection`; throws when a socket cannot be set up, having
    /// closed whatever it bound. Cells are kept in `history` across kernel runs when it is
    /// given, in memory only otherwise; `control` may be shared with a watcher started earlier.
    public init(
        connection: ConnectionInfo, kernelInfo: KernelInfo, history: HistoryFile? = nil,
        control: KernelControl = KernelControl(), log: @escaping KernelLog
    ) throws(ZMQError) {
        self.control = control
        self.historyFile = history
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

        // Every subscription, not only the first per topic, gets its iopub_welcome.
        try iopub.setOption(ZMQ_XPUB_VERBOSE, 1)
        // A client that pipelines requests waits in its own socket buffers instead of ours:
        // past this many queued requests per client, libzmq stops reading that connection
        // until the shell catches up (nothing is dropped). A queue of libzmq's default 1000
        // left the heap a few MiB larger after a burst, fragmented and never returned.
        try shell.setOption(ZMQ_RCVHWM, Self.queuedRequestsPerClient)
        let channels: [(ZMQSocket, String, Int)] = [
            (shell, "shell", connection.shellPort), (controlSocket, "control", connection.controlPort),
            (stdin, "stdin", connection.stdinPort), (iopub, "iopub", connection.iopubPort),
            (heartbeat, "hb", connection.heartbeatPort),
        ]
        for (socket, name, port) in channels {
            if let curve = connection.curve { try socket.makeCurveServer(secretKey: curve.secretKey) }
            if connection.isIPv6 { try socket.setOption(ZMQ_IPV6, 1) }
            let endpoint = connection.endpoint(port: port)
            do {
                try socket.bind(endpoint)
            } catch {
                // The sockets bound so far are closed as this initializer unwinds, before
                // their context is terminated, so the caller can exit at once.
                throw ZMQError(description: "cannot bind \(name)_port \(port) at \(endpoint): \(error.reason)")
            }
        }
    }

    /// Serves until a shutdown request; returns whether it asked for a restart.
    ///
    /// The interpreter is only ever called on the calling thread.
    public func run(interpreter: any Interpreter) throws(ZMQError) -> Bool {
        let key = connection.key
        let publisher = try IOPubChannel(
            xpub: iopub, codec: WireCodec(signer: MessageSigner(key: key), session: session, seen: seen, channelTag: "w"))
        let watcher = try NativeThread { publisher.watch() }
        let beat = Heartbeat(socket: heartbeat, control: control)
        let debugAdapter = interpreter.debugTarget.map { target in
            DebugAdapter(
                target: target,
                events: DebugEventPublisher(
                    codec: WireCodec(signer: MessageSigner(key: key), session: session, seen: seen, channelTag: "d"),
                    iopub: publisher),
                temporaryDirectory: DebugAdapter.temporaryDirectory)
        }
        var kernelInfo = self.kernelInfo
        kernelInfo.debugger = debugAdapter != nil
        let controlLoop = ControlLoop(
            socket: controlSocket, iopub: publisher, key: key, session: session, seen: seen, kernelInfo: kernelInfo,
            control: control, log: log, debugAdapter: debugAdapter)
        let threads = [try NativeThread { beat.run() }, try NativeThread { controlLoop.run() }]

        let dispatcher = Dispatcher(
            role: .shell, codec: WireCodec(signer: MessageSigner(key: key), session: session, seen: seen, channelTag: "s"),
            channel: shell, iopub: publisher, stdin: stdin, interpreter: interpreter, kernelInfo: kernelInfo,
            control: control, log: log, historyFile: historyFile)
        dispatcher.publish(.status, ["execution_state": "starting"], parent: nil)
        dispatcher.run()

        shell.close(lingerMilliseconds: 200)
        stdin.close()
        for thread in threads { thread.join() }
        publisher.finish()
        watcher.join()
        return control.isRestarting
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
    // @unchecked: the control socket belongs to the control thread once `run` starts; the
    // iopub channel locks for itself.
    let socket: ZMQSocket
    let iopub: IOPubChannel
    let key: [UInt8]
    let session: String
    let seen: SeenSignatures
    let kernelInfo: KernelInfo
    let control: KernelControl
    let log: KernelLog
    let debugAdapter: DebugAdapter?

    init(
        socket: ZMQSocket, iopub: IOPubChannel, key: [UInt8], session: String, seen: SeenSignatures,
        kernelInfo: KernelInfo, control: KernelControl, log: @escaping KernelLog, debugAdapter: DebugAdapter?
    ) {
        self.debugAdapter = debugAdapter
        self.socket = socket
        self.iopub = iopub
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
            channel: socket, iopub: iopub, stdin: nil, interpreter: nil, kernelInfo: kernelInfo, control: control,
            log: log)
        dispatcher.debugAdapter = debugAdapter
        dispatcher.run()
        socket.close(lingerMilliseconds: 200)
    }
}
