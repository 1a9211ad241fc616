import Jupyter
import Script
import ScriptSession

/// Builds a Script `Session` (standard modules, workspace) on its own thread, so that the
/// kernel's startup (launch to the first `kernel_info_reply`) does not wait for it.
final class SessionLoader: @unchecked Sendable {
    // @unchecked: `built` is written once by the loader thread before it ends, and read only
    // after joining it, which orders the two.
    private var built: Session?
    private var thread: NativeThread?
    private var ready: Session?
    private let tracebackStyle: TracebackStyle
    /// The session's debugger, usable from any thread before the session is built.
    let debugger = ScriptDebugger()

    init(tracebackStyle: TracebackStyle) {
        self.tracebackStyle = tracebackStyle
        do {
            thread = try NativeThread { [self] in built = makeSession() }
        } catch {
            ready = makeSession()
        }
    }

    private func makeSession() -> Session {
        let session = Session(debugger: debugger)
        session.tracebackStyle = tracebackStyle
        return session
    }

    /// The session, once built (the first call waits for the loader thread).
    var session: Session {
        if let ready { return ready }
        thread?.join()
        thread = nil
        let session = built ?? makeSession()
        built = nil
        ready = session
        return session
    }
}
