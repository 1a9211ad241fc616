import Glibc

/// A joinable POSIX thread running one closure.
///
/// The kernel's channels block in libzmq for long stretches; they get threads of their own
/// rather than borrowing Dispatch's worker pool (which would also keep Dispatch's threads and
/// code resident).
public final class NativeThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    private var thread: pthread_t?

    /// Starts a thread running `run`; throws when the system cannot start one.
    public init(_ run: @escaping @Sendable () -> Void) throws(ZMQError) {
        let body = Unmanaged.passRetained(Body(run)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, body)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(body).release()
            throw ZMQError("pthread_create")
        }
        self.thread = thread
    }

    /// Sends `signal` to the thread (to wake it from a blocking wait); nothing once joined.
    public func send(_ signal: Int32) {
        guard let thread else { return }
        pthread_kill(thread, signal)
    }

    /// Waits for the thread to end; later calls return at once.
    public func join() {
        guard let thread else { return }
        pthread_join(thread, nil)
        self.thread = nil
    }
}
