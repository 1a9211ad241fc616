import Glibc
import Script

/// Builds a Script `Session` (standard modules, workspace) on its own thread, so that the
/// kernel's startup (launch to the first `kernel_info_reply`) does not wait for it.
final class SessionLoader: @unchecked Sendable {
    // @unchecked: `built` is written once by the loader thread before it ends, and read only
    // after `pthread_join` on it, which orders the two.
    private var built: Session?
    private var thread: pthread_t?
    private var ready: Session?

    init() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                let loader = Unmanaged<SessionLoader>.fromOpaque(raw).takeRetainedValue()
                loader.built = Session()
                return nil
            }, context)
        if status == 0 {
            self.thread = thread
        } else {
            Unmanaged<SessionLoader>.fromOpaque(context).release()
            ready = Session()
        }
    }

    /// The session, once built (the first call waits for the loader thread).
    var session: Session {
        if let ready { return ready }
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        let session = built ?? Session()
        built = nil
        ready = session
        return session
    }
}
