import Glibc
import Jupyter
import Synchronization

/// SIGINT and SIGTERM for `recur run`, taken on a thread of their own (as the kernel's
/// `SignalWatch` does) so that the program stops at its next interrupt poll and what it
/// printed is written out before the process ends.
///
/// SIGINT raises `KeyboardInterrupt` in the program, as in CPython. SIGTERM does too, and the
/// run then ends by SIGTERM; if the program does not reach a poll within a second (a long
/// native loop), this thread writes the output itself and ends the process.
final class RunSignals: @unchecked Sendable {
    // @unchecked: `thread` is written by `init` and read by `stop`, both on the main thread;
    // the watch thread reads only the atomics and calls `flushOutput`, which locks.
    enum Received: Int {
        case none = 0
        case interrupt = 1
        case terminate = 2
    }

    private let received = Atomic<Int>(Received.none.rawValue)
    private let stopping = Atomic<Bool>(false)
    private let flushOutput: @Sendable () -> Void
    private var thread: NativeThread?

    /// Blocks SIGINT and SIGTERM in this thread and the threads it starts, then watches them;
    /// `flushOutput` writes what the program printed, from the watch thread.
    init(flushOutput: @escaping @Sendable () -> Void) {
        self.flushOutput = flushOutput
        var set = Self.signals()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        thread = try? NativeThread { [self] in watch() }
    }

    /// The first signal received, if any.
    var signal: Received { Received(rawValue: received.load(ordering: .acquiring)) ?? .none }

    /// Whether the program should stop at its next poll.
    var interruptRequested: Bool { received.load(ordering: .relaxed) != Received.none.rawValue }

    /// Ends the watch thread.
    func stop() {
        guard let thread else { return }
        stopping.store(true, ordering: .releasing)
        thread.send(SIGTERM)
        thread.join()
        self.thread = nil
    }

    /// Ends the process by `signal` with its default action, as an unhandled signal would
    /// (the exit status a shell and `subprocess` report as killed by that signal).
    static func die(by signal: Int32) -> Never {
        Glibc.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        _exit(128 + signal)
    }

    private func watch() {
        var set = Self.signals()
        var info = siginfo_t()
        var timeout = timespec(tv_sec: 1, tv_nsec: 0)
        var terminatedAt: Int?
        var seconds = 0
        while true {
            let number = sigtimedwait(&set, &info, &timeout)
            if stopping.load(ordering: .acquiring) { return }
            if number < 0 { seconds += 1 }
            switch number {
            case SIGINT:
                _ = received.compareExchange(
                    expected: Received.none.rawValue, desired: Received.interrupt.rawValue, ordering: .acquiringAndReleasing)
            case SIGTERM:
                received.store(Received.terminate.rawValue, ordering: .releasing)
                terminatedAt = terminatedAt ?? seconds
            default:
                break
            }
            if let terminatedAt, seconds - terminatedAt >= 1 {
                flushOutput()
                Self.die(by: SIGTERM)
            }
        }
    }

    private static func signals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }
}
