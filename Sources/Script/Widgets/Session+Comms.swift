/// Comm messages from the frontend, run as callbacks between cells (ipywidgets' updates,
/// clicks and state requests).
extension Session {
    /// Runs the script's comm handler (registered by `ipywidgets`) for `event`, with `host`
    /// for its output. An exception it lets out is shown as an error output, as ipykernel
    /// shows a failing widget callback. Returns whether a `comm_open` was taken: false when
    /// nothing handles comms (ipywidgets not imported) or the handler refused it.
    public func receiveComm(_ event: ScriptCommEvent, host: any ScriptHost) -> Bool {
        inSession {
            interpreter.host = LimitedHost(host)
            defer { interpreter.host = SilentHost() }
            defer { interpreter.host.flush() }
            guard let handler = interpreter.commBridge.handler else { return false }
            startFrame(SourceUnit(name: "<comm>", source: ""), line: 0)
            do throws(ScriptError) {
                var dataReader = JSONReader(event.data), metadataReader = JSONReader(event.metadata)
                let data = try dataReader.document(), metadata = try metadataReader.document()
                let (kind, target): (String, Value) = switch event.kind {
                case .open(let target): ("open", .str(target))
                case .message: ("msg", .none)
                case .close: ("close", .none)
                }
                let buffers = Value.list(ListObject(event.buffers.map { .object(BytesObject($0)) }))
                let taken = try interpreter.call(
                    handler, Arguments([.str(kind), .str(event.id), target, data, metadata, buffers]))
                return try interpreter.truth(taken)
            } catch {
                interpreter.host.flush()
                interpreter.host.comms?.showError(failure(error, unit: nil))
                return false
            }
        }
    }
}
