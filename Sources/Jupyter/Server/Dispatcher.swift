/// Reads requests from one ROUTER channel (shell or control), answers them, and publishes
/// status and outputs on iopub. One dispatcher per thread.
///
/// Every request is wrapped in `busy` ... `idle` on iopub with the request as parent; the
/// reply goes back on the channel it came from, to the identities it came from.
final class Dispatcher {
    /// Which channel this dispatcher serves.
    enum Role {
        case shell
        case control
    }

    /// What the serving loop should do after a message.
    enum Disposition: Equatable {
        case proceed
        /// An execution failed with `stop_on_error`; what was queued has been aborted.
        case abortQueued
        case stop
    }

    let role: Role
    let codec: WireCodec
    let channel: any FrameChannel
    let iopub: any FrameChannel
    let control: KernelControl
    let log: KernelLog
    private let kernelInfoContent: JSONValue

    // Shell-only state: the stdin channel, the interpreter, counts, history, comms.
    let stdin: (any FrameChannel)?
    let interpreter: (any Interpreter)?
    var executionCount = 0
    var history: History
    var comms = CommRegistry()
    /// Requests that arrived while a cell waited (and ran comm callbacks meanwhile): answered
    /// in order once it ends, before anything newer.
    var deferred: [Message] = []
    /// Control-only: the debugger, when the interpreter offers one.
    var debugAdapter: DebugAdapter?

    init(
        role: Role, codec: WireCodec, channel: any FrameChannel, iopub: any FrameChannel,
        stdin: (any FrameChannel)?, interpreter: (any Interpreter)?, kernelInfo: KernelInfo,
        control: KernelControl, log: @escaping KernelLog, historyFile: HistoryFile? = nil
    ) {
        self.history = History(file: historyFile)
        self.role = role
        self.codec = codec
        self.channel = channel
        self.iopub = iopub
        self.stdin = stdin
        self.interpreter = interpreter
        self.kernelInfoContent = kernelInfo.replyContent
        self.control = control
        self.log = log
    }

    // MARK: Serving

    /// Serves until the kernel stops; the shell calls the interpreter's `shutdown` last.
    func run() {
        while !control.isStopping {
            if !deferred.isEmpty {
                handle(message: deferred.removeFirst())
                continue
            }
            guard let frames = channel.receive(timeoutMilliseconds: 100) else { continue }
            handle(frames)
        }
        if role == .shell { interpreter?.shutdown(restart: control.isRestarting) }
    }

    /// Decodes and answers one received message.
    @discardableResult
    func handle(_ frames: [[UInt8]]) -> Disposition {
        let message: Message
        do {
            message = try codec.decode(frames)
        } catch {
            log("dropped a message on \(role): \(error)")
            return .proceed
        }
        return handle(message: message)
    }

    /// Answers one decoded message.
    @discardableResult
    func handle(message: Message) -> Disposition {
        let disposition = route(message)
        // After the reply and the idle status: disk writes never delay an answer.
        history.save()
        return disposition
    }

    /// Answers the requests already waiting when a cell failed: executes with `status:
    /// aborted`, anything else normally. What arrives while these are answered is not
    /// aborted: a client may react to the aborted replies with new requests.
    func abortQueuedRequests() {
        var queued = deferred
        deferred = []
        while let frames = channel.receive(timeoutMilliseconds: 0) {
            guard let message = try? codec.decode(frames) else {
                log("dropped a malformed message on \(role) while aborting")
                continue
            }
            queued.append(message)
        }
        for message in queued {
            if message.header.type == .executeRequest {
                busy(message)
                // ipykernel's content exactly: an execution count would show the failed cell's
                // number on every skipped cell.
                reply(to: message, ["status": "aborted"])
                idle(message)
            } else if route(message) == .stop {
                return
            }
        }
    }

    func route(_ message: Message) -> Disposition {
        busy(message)
        defer { idle(message) }
        do {
            let disposition = try answer(message)
            // Abort what was queued behind the failed cell before going idle: a client that
            // waits for idle before sending its next request must not see it aborted.
            if disposition == .abortQueued { abortQueuedRequests() }
            return disposition
        } catch {
            log("dropped \(message.header.type) on \(role): \(error)")
            return .proceed
        }
    }

    private func answer(_ message: Message) throws(WireError) -> Disposition {
        switch (role, message.header.type) {
        case (_, .kernelInfoRequest):
            reply(to: message, kernelInfoContent)
        case (_, .shutdownRequest):
            return try shutdown(message)
        case (_, .interruptRequest):
            control.interrupt()
            reply(to: message, ["status": "ok"])
        case (.control, .debugRequest):
            reply(to: message, debugAdapter?.handle(message.content, parent: message) ?? DebugAdapter.unavailable(message.content))
        case (.shell, .executeRequest):
            return try execute(message)
        case (.shell, .completeRequest):
            try complete(message)
        case (.shell, .inspectRequest):
            try inspect(message)
        case (.shell, .isCompleteRequest):
            try isComplete(message)
        case (.shell, .historyRequest):
            try historyReply(message)
        case (.shell, .commInfoRequest):
            try commInfo(message)
        case (.shell, .commOpen), (.shell, .commMsg), (.shell, .commClose):
            try commRequest(message)
        default:
            log("ignored \(message.header.type) on \(role): not a request this channel answers")
        }
        return .proceed
    }

    // MARK: Sending

    func reply(to request: Message, _ content: JSONValue) {
        channel.send(
            codec.encode(request.header.type.reply, content: content, parent: request, identities: request.identities))
    }

    func publish(
        _ type: MessageType, _ content: JSONValue, parent: Message?, metadata: JSONValue = .emptyObject,
        buffers: [[UInt8]] = []
    ) {
        let topic = Array(("kernel." + codec.session + "." + type.rawValue).utf8)
        iopub.send(
            codec.encode(type, content: content, parent: parent, identities: [topic], metadata: metadata, buffers: buffers))
    }

    func busy(_ message: Message) {
        publish(.status, ["execution_state": "busy"], parent: message)
    }

    func idle(_ message: Message) {
        publish(.status, ["execution_state": "idle"], parent: message)
    }
}
