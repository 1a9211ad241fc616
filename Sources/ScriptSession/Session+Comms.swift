import Script
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
            guard interpreter.commBridge.handler != nil else { return false }
            startFrame(SourceUnit(name: "<comm>", source: ""), line: 0)
            return interpreter.deliverComm(event)
        }
    }
}
