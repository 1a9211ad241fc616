import Glibc
import Jupyter
import Synchronization

/// Turns SIGINT into an interrupt of the running cell, and ends the kernel when the frontend
/// that started it dies, from one thread of its own.
///
/// SIGINT is blocked in every thread (`blockInterrupts` runs before the kernel starts any,
/// and threads inherit the mask; libzmq's and Dispatch's block signals themselves) and taken
/// here with `sigtimedwait`: it never ends the process, and nothing runs in signal context
/// on a thread that is inside libzmq or OpenBLAS. A Dispatch signal source would do the same
/// but keeps three Dispatch threads, and its casts scan the runtime's conformance tables.
///
/// The wait's timeout doubles as the parent check. Jupyter sets `JPY_PARENT_PID` when it
/// launches a kernel; if that process goes away the kernel is re-parented and nobody can reach
/// it any more, so it exits, as ipykernel does (a console killed with SIGKILL, a crashed
/// notebook server).
final class SignalWatch: @unchecked Sendable {
    // @unchecked: `thread` is written by `init` and read by `stop`, both on the thread that
    // owns this object; the watch thread reads only the immutable fields and the atomic.
    private let control: KernelControl
    private let parent: pid_t?
    private let stopping = Atomic<Bool>(false)
    private var thread: NativeThread?

    /// Blocks SIGINT in the calling thread and in every thread it starts from now on, and
    /// restores its default action (a launcher may have set it to ignored, which would
    /// discard it before `sigtimedwait` sees it).
    static func blockInterrupts() {
        var set = interruptSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGINT, SIG_DFL)
    }

    /// Starts watching; `environment` decides whether the parent is watched too.
    init(control: KernelControl, environment: [String: String]) {
        self.control = control
        parent = environment["JPY_PARENT_PID"] == nil ? nil : getppid()
        do {
            thread = try NativeThread { [self] in watch() }
        } catch {
            StandardError.write("recur kernel: cannot start the signal thread; SIGINT will not interrupt cells")
        }
    }

    /// Ends the watch thread and waits for it.
    func stop() {
        guard let thread else { return }
        stopping.store(true, ordering: .releasing)
        thread.send(SIGINT)
        thread.join()
        self.thread = nil
    }

    private func watch() {
        var set = Self.interruptSet()
        var info = siginfo_t()
        var timeout = timespec(tv_sec: 1, tv_nsec: 0)
        while !stopping.load(ordering: .acquiring) {
            let received = sigtimedwait(&set, &info, &timeout)
            if stopping.load(ordering: .acquiring) { return }
            if received == SIGINT {
                control.interrupt()
            } else if let parent, getppid() != parent {
                StandardError.write("recur kernel: parent process \(parent) is gone; exiting")
                _exit(0)
            }
        }
    }

    private static func interruptSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        return set
    }
}
