/// The server's side of one running cell: outputs go to iopub with the request as parent,
/// `input()` goes to the requesting client's stdin channel.
final class ExecutionScope: OutputPublisher {
    unowned let dispatcher: Dispatcher
    let request: Message
    private let allowStdin: Bool
    private(set) var payloads: [JSONValue] = []
    var whileAwaitingInput: ((WaitingComm) -> Void)?

    init(dispatcher: Dispatcher, request: Message, allowStdin: Bool) {
        self.dispatcher = dispatcher
        self.request = request
        self.allowStdin = allowStdin
    }

    func write(_ text: String, to stream: OutputStream) {
        guard !text.isEmpty else { return }
        dispatcher.publish(.stream, ["name": .string(stream.rawValue), "text": .string(text)], parent: request)
    }

    func display(_ bundle: DisplayBundle, displayID: String?, isUpdate: Bool) {
        var content: [String: JSONValue] = ["data": bundle.dataObject, "metadata": bundle.metadata]
        content["transient"] = displayID.map { ["display_id": .string($0)] } ?? [:]
        // An update without an id has nothing to update: show it instead.
        let type: MessageType = isUpdate && displayID != nil ? .updateDisplayData : .displayData
        dispatcher.publish(type, .object(content), parent: request)
    }

    func clearOutput(wait: Bool) {
        dispatcher.publish(.clearOutput, ["wait": .bool(wait)], parent: request)
    }

    func page(_ bundle: DisplayBundle) {
        payloads.append(["source": "page", "data": bundle.dataObject, "start": 0])
    }

    func askExit(keepKernel: Bool) {
        // IPython writes the payload on every call; the frontend acts on the first. The
        // kernel runs on, as ipykernel's does: closing is the frontend's decision (a console
        // shuts the kernel down), and a notebook being graded keeps its kernel.
        payloads.append(["source": "ask_exit", "keepkernel": .bool(keepKernel)])
    }

    func setNextInput(_ text: String, replace: Bool) {
        // ipykernel writes it as a single payload: a second call in the same cell replaces
        // the first in its place.
        let payload: JSONValue = ["source": "set_next_input", "text": .string(text), "replace": .bool(replace)]
        if let index = payloads.firstIndex(where: { $0["source"] == "set_next_input" }) {
            payloads[index] = payload
        } else {
            payloads.append(payload)
        }
    }

    var interruptRequested: Bool { dispatcher.control.isInterruptRequested }

    func readInput(prompt: String, password: Bool) throws(InputError) -> String {
        guard allowStdin, let stdin = dispatcher.stdin else { throw .notAllowed }
        stdin.send(
            dispatcher.codec.encode(
                .inputRequest, content: ["prompt": .string(prompt), "password": .bool(password)],
                parent: request, identities: request.identities))
        while true {
            if dispatcher.control.isStopping { throw .shuttingDown }
            if dispatcher.control.isInterruptRequested { throw .interrupted }
            guard let frames = stdin.receive(timeoutMilliseconds: 50) else {
                if let whileAwaitingInput, let waiting = receiveWhileWaiting(milliseconds: 0) {
                    whileAwaitingInput(waiting)
                }
                continue
            }
            let reply: Message
            do {
                reply = try dispatcher.codec.decode(frames)
            } catch {
                dispatcher.log("dropped a message on stdin: \(error)")
                continue
            }
            guard reply.header.type == .inputReply else {
                dispatcher.log("ignored \(reply.header.type) on stdin while waiting for input_reply")
                continue
            }
            guard let value = reply.content["value"]?.stringValue else {
                dispatcher.log("dropped input_reply whose value is not a string")
                continue
            }
            return value
        }
    }
}

extension ExecutionScope: CommChannel {
    var comms: (any CommChannel)? { self }

    func open(id: String, target: String, data: JSONValue, metadata: JSONValue, buffers: [[UInt8]]) {
        dispatcher.comms.add(id: id, target: target)
        dispatcher.publish(
            .commOpen, ["comm_id": .string(id), "target_name": .string(target), "data": data], parent: request,
            metadata: metadata, buffers: buffers)
    }

    func send(id: String, data: JSONValue, buffers: [[UInt8]]) {
        guard dispatcher.comms.isOpen(id) else { return }
        dispatcher.publish(.commMsg, ["comm_id": .string(id), "data": data], parent: request, buffers: buffers)
    }

    func close(id: String, data: JSONValue) {
        guard dispatcher.comms.isOpen(id) else { return }
        dispatcher.comms.close(id: id)
        dispatcher.publish(.commClose, ["comm_id": .string(id), "data": data], parent: request)
    }

    var parentMessageID: String { request.header.messageID }

    func showError(_ error: ExecutionError) {
        dispatcher.publish(
            .error,
            ["ename": .string(error.name), "evalue": .string(error.value),
             "traceback": .array(error.traceback.map { .string($0) })],
            parent: request)
    }
}

/// Comm messages while the cell waits: the shell channel is read from the cell's thread (the
/// shell thread is blocked in `execute` meanwhile, as during `input()`).
extension ExecutionScope {
    func receiveWhileWaiting(milliseconds: Int) -> WaitingComm? {
        var clock = ContinuousClock.now
        let deadline = clock.advanced(by: .milliseconds(max(0, milliseconds)))
        while true {
            clock = ContinuousClock.now
            let left = clock < deadline ? Int((deadline - clock) / .milliseconds(1)) : 0
            guard let frames = dispatcher.channel.receive(timeoutMilliseconds: left) else { return nil }
            let message: Message
            do {
                message = try dispatcher.codec.decode(frames)
            } catch {
                dispatcher.log("dropped a message on shell: \(error)")
                continue
            }
            switch message.header.type {
            case .commOpen, .commMsg, .commClose:
                if let waiting = waitingComm(message) { return waiting }
            case .commInfoRequest:
                // Answered at once: it only reads the registry.
                _ = dispatcher.route(message)
            default:
                dispatcher.deferred.append(message)
            }
        }
    }

    /// The callback for a comm message, wrapped in busy and idle like any request.
    private func waitingComm(_ message: Message) -> WaitingComm? {
        dispatcher.busy(message)
        let event: CommEvent?
        do {
            event = try dispatcher.commEvent(message)
        } catch {
            dispatcher.log("dropped \(message.header.type) on shell: \(error)")
            event = nil
        }
        guard let event else {
            dispatcher.idle(message)
            return nil
        }
        let dispatcher = self.dispatcher
        let scope = ExecutionScope(dispatcher: dispatcher, request: message, allowStdin: false)
        return WaitingComm(event: event, publisher: scope) { taken in
            dispatcher.commDelivered(event, taken: taken, parent: message)
            dispatcher.idle(message)
        }
    }
}
