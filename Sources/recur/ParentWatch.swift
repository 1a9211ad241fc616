import Dispatch
import Glibc

/// Ends the kernel when the frontend that started it dies, as ipykernel does.
///
/// Jupyter sets `JPY_PARENT_PID` when it launches a kernel. If that process goes away the
/// kernel is re-parented and nobody can reach it any more; without this check it would run
/// on for ever (a console killed with SIGKILL, a crashed notebook server).
final class ParentWatch {
    private let timer: any DispatchSourceTimer

    /// Starts watching, or returns nil when the kernel was not launched by Jupyter.
    init?(environment: [String: String], interval: DispatchTimeInterval = .seconds(1)) {
        guard environment["JPY_PARENT_PID"] != nil else { return nil }
        let parent = getppid()
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            if getppid() != parent {
                StandardError.write("recur kernel: parent process \(parent) is gone; exiting")
                _exit(0)
            }
        }
        timer.resume()
    }

    func cancel() {
        timer.cancel()
    }
}
