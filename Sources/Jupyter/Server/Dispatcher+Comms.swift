/// Comm messages from the frontend (`comm_open`, `comm_msg`, `comm_close`, `comm_info`): the
/// language runs them as callbacks, with their output parented to the comm message, as
/// ipykernel's comm manager does.
extension Dispatcher {
    func commInfo(_ message: Message) throws(WireError) {
        let fields = try RequestFields(message.content, "comm_info_request")
        let target = fields.value("target_name")?.stringValue
        reply(to: message, ["status": "ok", "comms": comms.info(target: target)])
    }

    /// A `comm_open`, `comm_msg` or `comm_close` from the frontend, run as a callback.
    func commRequest(_ message: Message) throws(WireError) {
        guard let event = try commEvent(message), let interpreter else { return }
        // A stale interrupt (sent while idle) must not stop this callback.
        control.clearInterrupt()
        let scope = ExecutionScope(dispatcher: self, request: message, allowStdin: false)
        commDelivered(event, taken: interpreter.receiveComm(event, publisher: scope), parent: message)
    }

    /// The event a comm message asks the language to run, with the registry updated; nil
    /// when there is nothing to run (a message for a comm that is not open).
    func commEvent(_ message: Message) throws(WireError) -> CommEvent? {
        let name = message.header.type.rawValue
        let fields = try RequestFields(message.content, name)
        let id = try fields.string("comm_id")
        let kind: CommEvent.Kind
        switch message.header.type {
        case .commOpen:
            let target = try fields.string("target_name")
            kind = .open(target: target)
            // Listed before the callback runs: a callback may already answer on the comm.
            comms.add(id: id, target: target)
        case .commClose:
            guard comms.isOpen(id) else { return nil }
            comms.close(id: id)
            kind = .close
        default:
            guard comms.isOpen(id) else {
                log("comm_msg for unknown comm \(id) ignored")
                return nil
            }
            kind = .message
        }
        return CommEvent(kind: kind, id: id, data: fields.value("data") ?? [:], metadata: message.metadata,
                         buffers: message.buffers)
    }

    /// After the callback: a `comm_open` the language did not take is closed.
    func commDelivered(_ event: CommEvent, taken: Bool, parent: Message) {
        guard case .open(let target) = event.kind, !taken else { return }
        comms.close(id: event.id)
        log("comm_open for unknown target \"\(target)\": closing comm \(event.id)")
        publish(.commClose, ["comm_id": .string(event.id), "data": [:]], parent: parent)
    }
}
