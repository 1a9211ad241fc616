/// Running the frontend's comm messages: between cells (`Session.receiveComm`) and while a
/// cell waits in `time.sleep` or `input()`, where they run at once, nested in the cell.
extension Interpreter {
    /// Calls the workspace's comm handler (ipywidgets') for `event` with the current host; an
    /// exception it lets out is shown as an error output. Whether a `comm_open` was taken.
    package func deliverComm(_ event: ScriptCommEvent) -> Bool {
        guard let handler = commBridge.handler else { return false }
        do throws(ScriptError) {
            var dataReader = JSONReader(event.data), metadataReader = JSONReader(event.metadata)
            let data = try dataReader.document(), metadata = try metadataReader.document()
            let (kind, target): (String, Value) = switch event.kind {
            case .open(let target): ("open", .str(target))
            case .message: ("msg", .none)
            case .close: ("close", .none)
            }
            let buffers = Value.list(ListObject(event.buffers.map { .object(BytesObject($0)) }))
            return try truth(try call(handler, Arguments([.str(kind), .str(event.id), target, data, metadata, buffers])))
        } catch {
            host.flush()
            let (name, message) = describe(error)
            host.comms?.showError(commBridge.render?(error) ?? ScriptFailure(name: name, message: message, traceback: []))
            return false
        }
    }

    /// A comm message that arrived while the cell waited: its callback runs now with the
    /// message's host, then the cell's host is back.
    func runWaitingComm(_ waiting: ScriptWaitingComm) {
        let cellHost = host
        host = LimitedHost(waiting.host)
        let taken = deliverComm(waiting.event)
        host.flush()
        host = cellHost
        waiting.finish(taken: taken)
    }

    /// `body` (an `input()` wait) with the comm messages that arrive meanwhile run as they come.
    func servingComms<T>(_ body: () throws(InputUnavailable) -> T) throws(InputUnavailable) -> T {
        guard let comms = host.comms else { return try body() }
        comms.whileAwaitingInput = { [unowned self] waiting in runWaitingComm(waiting) }
        defer { comms.whileAwaitingInput = nil }
        return try body()
    }

    /// `time.sleep` in a kernel: waits `seconds` (in slices, so an interrupt stops it
    /// promptly) and runs the comm messages that arrive meanwhile.
    func sleepServingComms(_ comms: any ScriptComms, seconds: Double) {
        guard let waiting = comms.receiveWhileWaiting(milliseconds: Int(seconds * 1000)) else { return }
        runWaitingComm(waiting)
    }
}
