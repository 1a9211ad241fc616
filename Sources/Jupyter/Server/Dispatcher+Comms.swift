/// Comm messages from the frontend (`comm_open`, `comm_msg`, `comm_close`, `comm_info`): the
/// language runs them as callbacks, with their output parented to the comm message, as
/// ipykernel's comm manager does.
extension Dispatcher {
    func commInfo(_ message: Message) throws(WireError) {
        let fields = try RequestFields(message.content, "comm_info_request")
        let target = fields.value("target_name")?.stringValue
        reply(to: message, ["status": "ok", "comms": comms.info(target: target)])
    }

    func commOpen(_ message: Message) throws(WireError) {
        let fields = try RequestFields(message.content, "comm_open")
        let id = try fields.string("comm_id")
        let target = try fields.string("target_name")
        let event = CommEvent(
            kind: .open(target: target), id: id, data: fields.value("data") ?? [:], metadata: message.metadata,
            buffers: message.buffers)
        // Listed before the callback runs: a callback may already answer on the comm.
        comms.add(id: id, target: target)
        if !deliver(event, parent: message) {
            comms.close(id: id)
            log("comm_open for unknown target \"\(target)\": closing comm \(id)")
            publish(.commClose, ["comm_id": .string(id), "data": [:]], parent: message)
        }
    }

    func commMsg(_ message: Message) throws(WireError) {
        let fields = try RequestFields(message.content, "comm_msg")
        let id = try fields.string("comm_id")
        guard comms.isOpen(id) else {
            log("comm_msg for unknown comm \(id) ignored")
            return
        }
        _ = deliver(
            CommEvent(kind: .message, id: id, data: fields.value("data") ?? [:], metadata: message.metadata,
                      buffers: message.buffers),
            parent: message)
    }

    func commClose(_ message: Message) throws(WireError) {
        let fields = try RequestFields(message.content, "comm_close")
        let id = try fields.string("comm_id")
        guard comms.isOpen(id) else { return }
        comms.close(id: id)
        _ = deliver(
            CommEvent(kind: .close, id: id, data: fields.value("data") ?? [:], metadata: message.metadata,
                      buffers: message.buffers),
            parent: message)
    }

    /// Runs the interpreter's callback for `event`, its output parented to `parent`.
    private func deliver(_ event: CommEvent, parent: Message) -> Bool {
        guard let interpreter else { return false }
        // A stale interrupt (sent while idle) must not stop this callback.
        control.clearInterrupt()
        let scope = ExecutionScope(dispatcher: self, request: parent, allowStdin: false)
        return interpreter.receiveComm(event, publisher: scope)
    }
}
